using System.Collections.Concurrent;
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
    /// <summary>The default capacity: ten batches of <c>SyncJournal</c>'s, some 3 MB at most.</summary>
    public const int DefaultCapacity = 10_000;

    // The entry as read or saved, with its row id: its stored row is worked out only for the entries saved.
    private readonly ConcurrentDictionary<(JournalKey Key, long Version), (long Id, JournalEntry Entry)> _rows = new();

    /// <summary>How many rows it holds; for tests.</summary>
    internal int Count => _rows.Count;

    /// <summary>Remembers the row of an entry as it is stored, read or committed.</summary>
    /// <param name="id">The entry's row id.</param>
    /// <param name="entry">The entry as read or saved, at its stored version.</param>
    public void Remember(long id, JournalEntry entry)
    {
        if (_rows.Count >= capacity)
        {
            _rows.Clear();
        }

        _rows[(entry.Key, entry.Version)] = (id, entry);
    }

    /// <summary>Takes the row remembered for the entry's key at its version, if any; it is forgotten either way, since the save changes the version.</summary>
    public bool TryTake(JournalEntry entry, out StoredEntryRow row)
    {
        var found = _rows.TryRemove((entry.Key, entry.Version), out var stored);
        row = found ? StoredEntryRow.Of(stored.Id, stored.Entry) : default;
        return found;
    }
}
