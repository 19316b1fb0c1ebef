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

    [Fact]
    public async Task TryClaim_AcquisitionFailsPartOfTheWay_GivesBackTheLeasesItTookAndRethrows()
    {
        var leases = new InMemoryWorkLeaseStore();
        IWorkLeaseStore store = new SingleKeyWorkLeaseStore(leases, failingKey: "key-2");
        var now = Instant.FromUtc(2026, 3, 1, 8, 0);

        var thrown = await Assert.ThrowsAsync<IOException>(async () => await store.TryClaimAsync(["key-1", "key-2", "key-3"], 3, "worker-a", now, Duration.FromMinutes(5), CancellationToken.None));

        Assert.Equal("The lease store is unreachable.", thrown.Message);
        Assert.NotNull(await leases.TryAcquireAsync("key-1", "worker-a", now, Duration.FromMinutes(5), CancellationToken.None));
    }

    /// <summary>Implements what the interface asked for before <see cref="IWorkLeaseStore.TryClaimAsync"/>, nothing more.</summary>
    private sealed class SingleKeyWorkLeaseStore(InMemoryWorkLeaseStore leases, string? failingKey = null) : IWorkLeaseStore
    {
        public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
            key == failingKey ? throw new IOException("The lease store is unreachable.") : leases.TryAcquireAsync(key, owner, now, duration, cancellationToken);

        public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken) =>
            leases.TryRenewAsync(lease, now, duration, cancellationToken);

        public ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => leases.ReleaseAsync(lease, cancellationToken);
    }
}
