using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>
/// A place in <see cref="JournalQuery.Order"/>: the change time and record key of an entry. Keyset paging reads the
/// entries that come after it, so a deep page starts on the index where the page before ended instead of skipping
/// every entry in front of it.
/// </summary>
/// <param name="UpdatedAt">The entry's <see cref="JournalEntry.UpdatedAt"/>.</param>
/// <param name="RecordKey">The entry's record key.</param>
public readonly record struct JournalPosition(Instant UpdatedAt, string RecordKey)
{
    /// <summary>The position of an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>Its change time and record key.</returns>
    public static JournalPosition Of(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JournalPosition(entry.UpdatedAt, entry.Key.RecordKey);
    }

    /// <summary>Whether an entry comes after this position in <see cref="JournalQuery.Order"/>.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when the entry changed earlier, or at the same instant with a greater record key (ordinal).</returns>
    public bool IsFollowedBy(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var byTime = entry.UpdatedAt.CompareTo(UpdatedAt);
        return byTime < 0 || (byTime == 0 && string.CompareOrdinal(entry.Key.RecordKey, RecordKey) > 0);
    }
}
