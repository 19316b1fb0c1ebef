using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting;

/// <summary>
/// The planned work the scheduler has not started yet, due now or within the plan's look-ahead, each with the moment it
/// may start: when it is due, plus its spread offset (<see cref="StartSpread"/>). Only the scheduler's loop touches it.
/// Between two plans the loop starts work from here as slots free up, so each step costs about what it starts, not what
/// the plan holds: work waits on a heap by its start until the start comes, then in plan order among the work ready to
/// start; taking the next items stops as soon as enough are found, and removing one costs a logarithm.
/// </summary>
internal sealed class DueQueue
{
    private readonly Dictionary<(ConnectionId Connection, WorkKind Kind, SyncTrigger Trigger), Entry> _entries = [];
    private readonly PriorityQueue<Entry, Instant> _waiting = new();
    private readonly SortedSet<Entry> _ready = new(Comparer<Entry>.Create((a, b) => a.Position.CompareTo(b.Position)));

    /// <summary>How many items wait.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Takes the latest plan: work no longer listed is dropped, work still listed keeps its start, new work gets one. The
    /// plan's due work comes first (oldest first), then its upcoming work in the order it becomes due.
    /// </summary>
    public void Refresh(DuePlan plan, Instant now, Duration spread)
    {
        var previous = new Dictionary<(ConnectionId, WorkKind, SyncTrigger), Entry>(_entries);
        _entries.Clear();
        _waiting.Clear();
        _ready.Clear();
        var position = 0;
        foreach (var item in plan.Due.Concat(plan.Upcoming))
        {
            var key = Key(item);
            if (_entries.ContainsKey(key))
            {
                continue;
            }

            var startAt = previous.TryGetValue(key, out var known)
                ? known.StartAt
                : Instant.Max(item.DueAt, now) + StartSpread.OffsetOf(item, spread);
            var entry = new Entry(item, startAt, position++);
            _entries[key] = entry;
            if (startAt <= now)
            {
                _ready.Add(entry);
            }
            else
            {
                _waiting.Enqueue(entry, startAt);
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> items whose start has come, oldest first, one item per connection and never a
    /// connection that is running: what the scheduler tries to claim. They stay queued until <see cref="Remove"/>.
    /// </summary>
    public IReadOnlyList<WorkItem> Startable(Instant now, Func<ConnectionId, bool> isRunning, int max)
    {
        PromoteStartsUpTo(now);
        var startable = new List<WorkItem>();
        var connections = new HashSet<ConnectionId>();
        foreach (var entry in _ready)
        {
            if (startable.Count == max)
            {
                break;
            }

            if (!connections.Contains(entry.Item.Connection) && !isRunning(entry.Item.Connection))
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
            if (_entries.Remove(Key(item), out var entry))
            {
                // One still on the heap is skipped when it comes up there.
                entry.Removed = true;
                _ready.Remove(entry);
            }
        }
    }

    /// <summary>The earliest start still ahead; work whose start has come but waits for a slot wakes the loop when a run ends.</summary>
    public Instant? NextStartAfter(Instant now)
    {
        PromoteStartsUpTo(now);
        while (_waiting.TryPeek(out var entry, out _) && entry.Removed)
        {
            _waiting.Dequeue();
        }

        return _waiting.TryPeek(out _, out var next) ? next : null;
    }

    // Each entry leaves the heap once: to the ready work when its start has come, or dropped when it was removed.
    private void PromoteStartsUpTo(Instant now)
    {
        while (_waiting.TryPeek(out var entry, out var startAt) && startAt <= now)
        {
            _waiting.Dequeue();
            if (!entry.Removed)
            {
                _ready.Add(entry);
            }
        }
    }

    private static (ConnectionId, WorkKind, SyncTrigger) Key(WorkItem item) => (item.Connection, item.Kind, item.Trigger);

    private sealed class Entry(WorkItem item, Instant startAt, int position)
    {
        public WorkItem Item { get; } = item;

        public Instant StartAt { get; } = startAt;

        /// <summary>The place in the plan: oldest due first, then the upcoming work by when it becomes due.</summary>
        public int Position { get; } = position;

        public bool Removed { get; set; }
    }
}
