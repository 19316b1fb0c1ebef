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
    /// Claims up to <paramref name="limit"/> of <paramref name="keys"/> at once, skipping (not waiting for) every key
    /// another worker holds or is claiming at the same moment, preferring the keys in the order given. Each claim is a
    /// lease as <see cref="TryAcquireAsync"/> hands out: free by the same rule, with a token larger than any before it for
    /// the key, renewed and released the same way. A scheduler claims the due work it has slots for this way, in one call
    /// instead of one acquisition per item.
    /// </summary>
    /// <remarks>
    /// The default acquires one key at a time with <see cref="TryAcquireAsync"/>, so a store written before claims existed
    /// keeps working; a store that can do better claims them in one round-trip (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>;
    /// SQLite: one write transaction; in memory: under one lock). A claim that throws (a failure or a cancellation
    /// part of the way) leaves no lease behind: it takes all the leases it returns or none, or gives back what it took
    /// before it rethrows, as the default does.
    /// </remarks>
    /// <param name="keys">The keys wanted, most wanted first; a key given twice is claimed once.</param>
    /// <param name="limit">How many keys to claim at most.</param>
    /// <param name="owner">The claiming worker.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="duration">How long each lease lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The leases claimed, in the order of <paramref name="keys"/>; empty when every key is held.</returns>
    async ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var claimed = new List<WorkLease>();
        try
        {
            foreach (var key in WorkLeaseClaim.Wanted(keys, limit, owner))
            {
                if (claimed.Count == limit)
                {
                    break;
                }

                if (await TryAcquireAsync(key, owner, now, duration, cancellationToken).ConfigureAwait(false) is { } lease)
                {
                    claimed.Add(lease);
                }
            }
        }
        catch
        {
            // The caller never sees these leases, so nobody would give them back: the keys would stay blocked until
            // they expire. Released whatever cancelled the claim; a release that fails too is left to expiry.
            foreach (var lease in claimed)
            {
                try
                {
                    await ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The claim's own exception is the one to report.
                }
            }

            throw;
        }

        return claimed;
    }

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
