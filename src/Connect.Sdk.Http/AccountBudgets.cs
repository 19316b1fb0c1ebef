using System.Collections.Concurrent;

namespace Connect.Sdk.Http;

/// <summary>
/// The rate budgets of marketplace accounts, one per account key. A marketplace limits the account (the seller,
/// the shop), not the connection, so every client and connection calling as one account must share one budget or
/// together they exceed it. Registered as a singleton by <c>AddMarketplaceHttpClient</c>.
/// </summary>
/// <param name="time">The clock the budgets wait on.</param>
public sealed class AccountBudgets(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RateBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the account's budget, creating it with <paramref name="model"/> on first use; later callers must declare
    /// the same model, since two clients that disagree about an account's limit would pace it wrongly. Adapters whose limits are per operation (Amazon) use a key per account and operation, e.g.
    /// <c>"amazon:A1B2C3:getOrders"</c>.
    /// </summary>
    /// <param name="account">The account key, e.g. <c>"shopify:my-shop.myshopify.com"</c>.</param>
    /// <param name="model">The account's documented limit.</param>
    /// <returns>The shared budget.</returns>
    /// <exception cref="ArgumentException">The account's budget exists with another model.</exception>
    public IRateBudget GetOrAdd(string account, RateLimitModel model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(model);
        var budget = _budgets.GetOrAdd(account, static (_, state) => new RateBudget(state.model, state.time), (model, time));
        return budget.Model == model
            ? budget
            : throw new ArgumentException($"The rate budget of account '{account}' was declared as {budget.Model}; this client declares {model}. Clients of one account must declare one limit.", nameof(model));
    }
}
