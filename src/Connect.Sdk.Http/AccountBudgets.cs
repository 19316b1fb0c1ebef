using System.Collections.Concurrent;
using Connect.Sdk.RateLimits;

namespace Connect.Sdk.Http;

/// <summary>
/// The rate budgets of marketplace accounts, one per account key. A marketplace limits the account (the seller,
/// the shop), not the connection, so every client and connection calling as one account must share one budget or
/// together they exceed it. Registered as a singleton by <c>AddMarketplaceHttpClient</c>: in memory, shared by the
/// process; after <c>AddSharedRateBudgets</c>, kept in the registered <see cref="IRateBudgetStore"/> and shared by
/// every process using it.
/// </summary>
public sealed class AccountBudgets
{
    private readonly ConcurrentDictionary<string, IRateBudget> _budgets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IRateBudgetStore? _store;

    /// <summary>Budgets kept in memory: every client of this process shares them, with no store round trip.</summary>
    /// <param name="time">The clock the budgets wait on.</param>
    public AccountBudgets(TimeProvider time)
        : this(time, null)
    {
    }

    /// <summary>
    /// Budgets kept in <paramref name="store"/>, shared with every process that uses it (one SQLite file, one database).
    /// Each request costs a read and a compare-and-set on the store.
    /// </summary>
    /// <param name="time">The clock the budgets wait on; the processes' clocks must agree, as the store keeps instants.</param>
    /// <param name="store">The store the processes share, or <see langword="null"/> for budgets of this process alone.</param>
    public AccountBudgets(TimeProvider time, IRateBudgetStore? store)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _store = store;
    }

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
        var budget = _budgets.GetOrAdd(account, static (key, state) => state.Owner.Create(key, state.Model), (Owner: this, Model: model));
        return budget.Model == model
            ? budget
            : throw new ArgumentException($"The rate budget of account '{account}' was declared as {budget.Model}; this client declares {model}. Clients of one account must declare one limit.", nameof(model));
    }

    private IRateBudget Create(string account, RateLimitModel model) =>
        _store is null ? new RateBudget(model, _time) : new SharedRateBudget(account, model, _store, _time);
}
