using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;
using NodaTime;

namespace Connect.Sdk.Testing.Tests.Stores;

/// <summary>
/// A partner's lease store written before claims existed (only the single-key members) passes the kit's claim checks
/// through the interface's default claim, which acquires one key at a time.
/// </summary>
public sealed class SingleKeyWorkLeaseStoreTests : WorkLeaseStoreContract
{
    /// <inheritdoc/>
    protected override ValueTask<IWorkLeaseStore> CreateStoreAsync() => ValueTask.FromResult<IWorkLeaseStore>(new SingleKeyWorkLeaseStore(new InMemoryWorkLeaseStore()));

    /// <summary>Implements what the interface asked for before <see cref="IWorkLeaseStore.TryClaimAsync"/>, nothing more.</summary>
    private sealed class SingleKeyWorkLeaseStore(InMemoryWorkLeaseStore leases) : IWorkLeaseStore
    {
        public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryAcquireAsync(key, owner, now, duration, cancellationToken);

        public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryRenewAsync(lease, now, duration, cancellationToken);

        public ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => leases.ReleaseAsync(lease, cancellationToken);
    }
}
