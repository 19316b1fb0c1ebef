using NodaTime;

namespace Connect.Sdk.Sync;

/// <summary>
/// An <see cref="IWorkLeaseStore"/> in memory, shared by every engine of one process (and by tests). It also fences the
/// in-memory stores created with it: their guarded writes run under this store's lock, after the check that the
/// writer's lease is still its key's current one, so a lease cannot change hands between the check and the write.
/// </summary>
public sealed class InMemoryWorkLeaseStore : IWorkLeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WorkLease> _leases = new(StringComparer.Ordinal);
    private long _tokens;

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(TryTake(key, owner, now, duration));
        }
    }

    /// <inheritdoc />
    /// <remarks>Claims under the store's lock, so the keys are checked and taken in one step.</remarks>
    public ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var wanted = WorkLeaseClaim.Wanted(keys, limit, owner);
        cancellationToken.ThrowIfCancellationRequested();
        var claimed = new List<WorkLease>();
        lock (_gate)
        {
            foreach (var key in wanted)
            {
                if (claimed.Count == limit)
                {
                    break;
                }

                if (TryTake(key, owner, now, duration) is { } lease)
                {
                    claimed.Add(lease);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<WorkLease>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_leases.TryGetValue(lease.Key, out var held) || held.Token != lease.Token)
            {
                return ValueTask.FromResult<WorkLease?>(null);
            }

            var renewed = held with { ExpiresAt = now + duration };
            _leases[lease.Key] = renewed;
            return ValueTask.FromResult<WorkLease?>(renewed);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_leases.TryGetValue(lease.Key, out var held) && held.Token == lease.Token)
            {
                _leases.Remove(lease.Key);
            }
        }

        return ValueTask.CompletedTask;
    }

    // Under the lock: the key is free when nobody holds it or the holder's lease expired.
    private WorkLease? TryTake(string key, string owner, Instant now, Duration duration)
    {
        if (_leases.TryGetValue(key, out var held) && held.ExpiresAt > now)
        {
            return null;
        }

        var lease = new WorkLease(key, owner, now + duration, ++_tokens);
        _leases[key] = lease;
        return lease;
    }

    /// <summary>
    /// Runs a guarded write of an in-memory store under this store's lock, when <paramref name="lease"/> is still its
    /// key's current lease (not released, not taken over; expired but untaken is still held, as for a renewal).
    /// </summary>
    /// <exception cref="LeaseLostException">The lease is no longer held; <paramref name="write"/> did not run.</exception>
    internal T Fenced<T>(WorkLease lease, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (!_leases.TryGetValue(lease.Key, out var held) || held.Token != lease.Token)
            {
                throw new LeaseLostException(lease);
            }

            return write();
        }
    }
}
