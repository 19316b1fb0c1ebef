using Connect.Sdk.Http;
using Connect.Sdk.RateLimits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets the marketplace clients of several processes share their accounts' rate budgets.</summary>
public static class SharedRateBudgetsServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the <see cref="AccountBudgets"/> of every marketplace client in the registered <see cref="IRateBudgetStore"/>
    /// instead of in memory, so that every process using that store (the SQLite file of <c>UseSqlite</c>, which registers
    /// one) paces each account on one budget and together they never exceed it. Without this call the budgets stay in
    /// memory, shared by this process's clients only, with no store round trip, even when a store is registered.
    /// </summary>
    /// <remarks>Each paced request then costs a read and a compare-and-set on the store; the processes' clocks must agree.</remarks>
    /// <param name="services">The services; an <see cref="IRateBudgetStore"/> must be registered before the first client is created.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSharedRateBudgets(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<AccountBudgets>();
        services.AddSingleton(provider => new AccountBudgets(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IRateBudgetStore>() ?? throw new InvalidOperationException(MissingStore)));

        // A host fails at start, not at its first marketplace call.
        services.AddOptions<SharedRateBudgetsCheck>()
            .Validate<IServiceProviderIsService>((_, registered) => registered.IsService(typeof(IRateBudgetStore)), MissingStore)
            .ValidateOnStart();
        return services;
    }

    private const string MissingStore =
        "AddSharedRateBudgets keeps the accounts' rate budgets in an IRateBudgetStore, and none is registered: use a store package that provides one, such as UseSqlite(...), or register your own.";

    // The options the start-up check hangs on; it carries nothing.
    private sealed class SharedRateBudgetsCheck;
}
