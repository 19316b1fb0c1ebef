using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// An in-memory lease store that counts renewals, to see that long runs keep their lease. It wraps the host's
/// <see cref="InMemoryWorkLeaseStore"/>, whose leases fence the in-memory stores.
/// </summary>
internal sealed class CountingLeaseStore(InMemoryWorkLeaseStore inner) : IWorkLeaseStore
{
    private readonly InMemoryWorkLeaseStore _inner = inner;
    private int _renewals;

    public int Renewals => Volatile.Read(ref _renewals);

    public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
        _inner.TryAcquireAsync(key, owner, now, duration, cancellationToken);

    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renewals);
        return _inner.TryRenewAsync(lease, now, duration, cancellationToken);
    }

    public ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => _inner.ReleaseAsync(lease, cancellationToken);
}
