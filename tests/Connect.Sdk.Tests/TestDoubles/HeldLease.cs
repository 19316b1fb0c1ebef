using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.TestDoubles;

/// <summary>
/// An in-memory lease store and a lease on it that holds for the whole test, for tests that write to the in-memory
/// stores directly: the stores are created with <see cref="Leases"/>, and their guarded writes carry <see cref="Lease"/>.
/// </summary>
internal sealed record HeldLease(InMemoryWorkLeaseStore Leases, WorkLease Lease)
{
    public static async Task<HeldLease> TakeAsync()
    {
        var leases = new InMemoryWorkLeaseStore();
        var lease = await leases.TryAcquireAsync("connection:market-1", "test-worker", Instant.FromUtc(2000, 1, 1, 0, 0), Duration.FromDays(36500), CancellationToken.None)
                    ?? throw new InvalidOperationException("A fresh lease store refused a lease.");
        return new HeldLease(leases, lease);
    }
}
