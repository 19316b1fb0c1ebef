using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The planned work the scheduler has not started yet, due now or within the plan's look-ahead, each with the moment it
/// may start: when it is due, plus its spread offset (<see cref="StartSpread"/>). Only the scheduler's loop touches it.
/// Between two plans the loop starts work from here as slots free up, so each step costs about what it starts, not
/// what the plan holds: taking a startable item stops as soon as enough are found, removing one is constant time, and
/// the next start comes off a heap.
/// </summary>
internal sealed class DueQueue
{
    private readonly Dictionary<(ConnectionId Connection, WorkKind Kind, SyncTrigger Trigger), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _order = new();
    private readonly PriorityQueue<Entry, Instant> _starts = new();

    /// <summary>How many items wait.</summary>
    public int Count => _order.Count;

    /// <summary>
    /// Takes the latest plan: work no longer listed is dropped, work still listed keeps its start, new work gets one. The
    /// plan's due work comes first (oldest first), then its upcoming work in the order it becomes due.
    /// </summary>
    public void Refresh(DuePlan plan, Instant now, Duration spread)
    {
        var previous = new Dictionary<(ConnectionId, WorkKind, SyncTrigger), LinkedListNode<Entry>>(_entries);
        _entries.Clear();
        _order.Clear();
        _starts.Clear();
        foreach (var item in plan.Due.Concat(plan.Upcoming))
        {
            var key = Key(item);
            if (_entries.ContainsKey(key))
            {
                continue;
            }

            var startAt = previous.TryGetValue(key, out var known)
                ? known.Value.StartAt
                : Instant.Max(item.DueAt, now) + StartSpread.OffsetOf(item, spread);
            var entry = new Entry(item, startAt);
            _entries[key] = _order.AddLast(entry);
            _starts.Enqueue(entry, startAt);
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> items whose start has come, oldest first, one item per connection and never a
    /// connection that is running: what the scheduler tries to claim. They stay queued until <see cref="Remove"/>.
    /// </summary>
    public IReadOnlyList<WorkItem> Startable(Instant now, Func<ConnectionId, bool> isRunning, int max)
    {
        var startable = new List<WorkItem>();
        var connections = new HashSet<ConnectionId>();
        for (var node = _order.First; node is not null && startable.Count < max; node = node.Next)
        {
            var entry = node.Value;
            if (entry.StartAt <= now && !connections.Contains(entry.Item.Connection) && !isRunning(entry.Item.Connection))
            {
                connections.Add(entry.Item.Connection);
                startable.Add(entry.Item);
            }
        }

        return startable;
    }

    /// <summary>Removes work the scheduler started, or that turned out to be no longer due.</summary>
    public void Remove(IEnumerable<WorkItem> items)
    {
        foreach (var item in items)
        {
            if (_entries.Remove(Key(item), out var node))
            {
                node.Value.Removed = true;
                _order.Remove(node);
            }
        }
    }

    /// <summary>The earliest start still ahead; work whose start has come but waits for a slot wakes the loop when a run ends.</summary>
    public Instant? NextStartAfter(Instant now)
    {
        // Starts that have come, and work removed since, are dropped from the heap for good: each is looked at once.
        while (_starts.TryPeek(out var entry, out var at) && (at <= now || entry.Removed))
        {
            _starts.Dequeue();
        }

        return _starts.TryPeek(out _, out var next) ? next : null;
    }

    private static (ConnectionId, WorkKind, SyncTrigger) Key(WorkItem item) => (item.Connection, item.Kind, item.Trigger);

    private sealed class Entry(WorkItem item, Instant startAt)
    {
        public WorkItem Item { get; } = item;

        public Instant StartAt { get; } = startAt;

        public bool Removed { get; set; }
    }
}
