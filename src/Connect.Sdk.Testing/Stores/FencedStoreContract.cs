using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Testing.Stores;

/// <summary>
/// The base of the contract suites of stores whose writes a run's lease fences (staging and cursor, the imported-order
/// ledger, the last sent stock and prices, the order status outbox): every such write carries a <see cref="WorkLease"/>,
/// and the store refuses it with <see cref="LeaseLostException"/>, changing nothing, once the lease is no longer its
/// key's current one. The suite needs the lease store that fences the store under test.
/// </summary>
/// <typeparam name="TStore">The store interface under test.</typeparam>
public abstract class FencedStoreContract<TStore> : StoreContract<TStore>
    where TStore : class
{
    /// <summary>The key of the leases the checks take, as the engine names a connection's lease.</summary>
    protected const string LeaseKey = "connection:store-kit-shop";

    /// <summary>When the checks' leases are taken.</summary>
    private static readonly Instant LeaseStart = Instant.FromUtc(2026, 3, 1, 7, 0);

    /// <summary>
    /// The lease store whose leases fence <paramref name="store"/>: a SQL store returns a lease store over the same
    /// database; an in-memory store the <see cref="InMemoryWorkLeaseStore"/> it was created with.
    /// </summary>
    /// <param name="store">A store made by <see cref="StoreContract{TStore}.CreateStoreAsync"/>.</param>
    /// <returns>The lease store.</returns>
    protected abstract ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(TStore store);

    /// <summary>Takes a lease on <see cref="LeaseKey"/> that holds for the whole check, for writes that must be accepted.</summary>
    /// <param name="store">The store under test.</param>
    /// <returns>The lease.</returns>
    protected async ValueTask<WorkLease> HoldLeaseAsync(TStore store)
    {
        var leases = await GetLeaseStoreAsync(store).ConfigureAwait(false);
        return await leases.TryAcquireAsync(LeaseKey, "store-kit-worker", LeaseStart, Duration.FromDays(1), CancellationToken.None).ConfigureAwait(false)
               ?? throw new InvalidOperationException($"The lease store refused a lease on the free key '{LeaseKey}'.");
    }

    /// <summary>
    /// A worker's lease that lapsed and was taken over: worker A's lease expired, and worker B acquired the key after it.
    /// A write carrying <c>Stale</c> must be refused; one carrying <c>Current</c> accepted.
    /// </summary>
    /// <param name="store">The store under test.</param>
    /// <returns>The stale and the current lease on <see cref="LeaseKey"/>.</returns>
    protected async ValueTask<(WorkLease Stale, WorkLease Current)> TakeOverAsync(TStore store)
    {
        var leases = await GetLeaseStoreAsync(store).ConfigureAwait(false);
        var stale = await leases.TryAcquireAsync(LeaseKey, "store-kit-worker-a", LeaseStart, Duration.FromMinutes(10), CancellationToken.None).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The lease store refused a lease on the free key '{LeaseKey}'.");
        var current = await leases.TryAcquireAsync(LeaseKey, "store-kit-worker-b", LeaseStart + Duration.FromMinutes(11), Duration.FromDays(1), CancellationToken.None).ConfigureAwait(false)
                      ?? throw new InvalidOperationException($"The lease store refused a lease on '{LeaseKey}' after the last one expired.");
        return (stale, current);
    }
}
