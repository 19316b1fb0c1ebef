using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// Leases that keep two workers (threads or processes sharing one store) from running the same
/// connection's work at once. Part of the host SPI's store contracts.
/// </summary>
/// <remarks>
/// A lease's token is also a fencing token: the writes a run's lease guards carry the lease, and the store refuses
/// them with <see cref="LeaseLostException"/> once the token is no longer the key's current one (another worker
/// acquired the key, or the lease was released). Stores that check it atomically with their writes share storage
/// with the lease store: the SQLite stores one file, the in-memory stores their <see cref="InMemoryWorkLeaseStore"/>.
/// </remarks>
public interface IWorkLeaseStore
{
    /// <summary>
    /// Claims a key unless an unexpired lease on it exists — also one of the same owner, since one worker runs
    /// one piece of a connection's work at a time. A lease expires at its <see cref="WorkLease.ExpiresAt"/>:
    /// from that instant on, the key is free. Every acquisition gets a token larger than any before it for the
    /// key, also after a release, so a stale holder is never mistaken for the current one.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The claiming worker.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="duration">How long the lease lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The lease, or <see langword="null"/> when another worker holds the key.</returns>
    ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease still held by its owner: one whose token is still the key's current one, even if it
    /// expired meanwhile, as long as nobody else acquired the key.
    /// </summary>
    /// <param name="lease">The lease.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="duration">The new duration from <paramref name="now"/>.</param>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>The renewed lease, or <see langword="null"/> when it was lost (expired and taken by another worker).</returns>
    ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken);

    /// <summary>Gives a lease up; does nothing when it is no longer held.</summary>
    /// <param name="lease">The lease.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken);
}
