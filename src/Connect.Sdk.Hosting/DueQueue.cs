using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The due work the scheduler has seen but not started yet, each with the moment it may start (its spread offset
/// after it was first seen). Only the scheduler's loop touches it.
/// </summary>
internal sealed class DueQueue
{
    private readonly Dictionary<(ConnectionId Connection, WorkKind Kind, SyncTrigger Trigger), Instant> _startAt = [];
    private List<WorkItem> _items = [];

    /// <summary>Takes the latest plan: work no longer due is dropped, work still due keeps its start, new work gets one.</summary>
    public void Refresh(DuePlan plan, Instant now, Duration spread)
    {
        var keys = new HashSet<(ConnectionId, WorkKind, SyncTrigger)>();
        var items = new List<WorkItem>(plan.Due.Count);
        foreach (var item in plan.Due)
        {
            var key = Key(item);
            if (!keys.Add(key))
            {
                continue;
            }

            items.Add(item);
            if (!_startAt.ContainsKey(key))
            {
                _startAt[key] = now + StartSpread.OffsetOf(item, spread);
            }
        }

        foreach (var stale in _startAt.Keys.Where(k => !keys.Contains(k)).ToList())
        {
            _startAt.Remove(stale);
        }

        _items = items;
    }

    /// <summary>
    /// The work whose start has come, oldest first, one item per connection and never a connection that is running:
    /// what the scheduler tries to claim. It stays queued until <see cref="Remove"/>.
    /// </summary>
    public IReadOnlyList<WorkItem> Startable(Instant now, Func<ConnectionId, bool> isRunning)
    {
        var startable = new List<WorkItem>();
        var connections = new HashSet<ConnectionId>();
        foreach (var item in _items)
        {
            if (_startAt[Key(item)] <= now && !isRunning(item.Connection) && connections.Add(item.Connection))
            {
                startable.Add(item);
            }
        }

        return startable;
    }

    /// <summary>Removes work the scheduler started.</summary>
    public void Remove(IEnumerable<WorkItem> started)
    {
        foreach (var item in started)
        {
            _items.Remove(item);
            _startAt.Remove(Key(item));
        }
    }

    /// <summary>The earliest start still ahead; work whose start has come but waits for a slot wakes the loop when a run ends.</summary>
    public Instant? NextStartAfter(Instant now)
    {
        Instant? next = null;
        foreach (var item in _items)
        {
            var at = _startAt[Key(item)];
            if (at > now && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    private static (ConnectionId, WorkKind, SyncTrigger) Key(WorkItem item) => (item.Connection, item.Kind, item.Trigger);
}
