using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The rows of the entries a store read or saved lately (<see cref="StoredEntryRow"/>), by key and version, so that a
/// save of such an entry at that version does not read its row again in the write transaction, and leaves the last two
/// history lines alone where they did not change: a thousand status changes read a thousand rows and rewrote two
/// thousand lines that way before. A version names one stored state of an entry — every save raises it — so a row
/// remembered at the version a save expects is the row the update finds, or the update finds another version and the
/// entry is not saved, as when the row was read in the transaction. A save is remembered only once its transaction
/// committed. Thread-safe.
/// </summary>
/// <param name="capacity">How many rows it holds before it forgets them all (rows read but never saved would pile up).</param>
internal sealed class JournalRowMemory(int capacity = JournalRowMemory.DefaultCapacity)
{
    /// <summary>The default capacity: ten batches of <c>SyncJournal</c>'s, a few MB at most (a row keeps its key, message and two lines).</summary>
    public const int DefaultCapacity = 10_000;

    // The rows, not the entries: an entry holds its whole history as read, and kept alive from one batch to the next
    // those histories cost the reads in between a collection of the heap each. A plain dictionary under a lock, not a
    // ConcurrentDictionary: that one's count takes every one of its locks, which grow with it, and cost a read of a
    // thousand entries 2.5 ms.
    private readonly Dictionary<(JournalKey Key, long Version), StoredEntryRow> _rows = [];
    private readonly Lock _gate = new();

    /// <summary>How many rows it holds; for tests.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Remembers the row of an entry as it is stored, read or committed.</summary>
    /// <param name="id">The entry's row id.</param>
    /// <param name="entry">The entry as read or saved, at its stored version.</param>
    public void Remember(long id, JournalEntry entry)
    {
        var row = StoredEntryRow.Of(id, entry);
        lock (_gate)
        {
            if (_rows.Count >= capacity)
            {
                _rows.Clear();
            }

            _rows[(entry.Key, entry.Version)] = row;
        }
    }

    /// <summary>Takes the row remembered for the entry's key at its version, if any; it is forgotten either way, since the save changes the version.</summary>
    public bool TryTake(JournalEntry entry, out StoredEntryRow row)
    {
        lock (_gate)
        {
            return _rows.Remove((entry.Key, entry.Version), out row);
        }
    }
}
