using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Where a changed entry's save starts from: the entry's row id, the seqs of its stored history rows
/// (<see cref="FirstLine"/> to <see cref="EndLine"/> − 1), its folded message, and — for a row the store remembered
/// from a read or an earlier save (<see cref="JournalRowMemory"/>) — the last two stored lines, which a save leaves as
/// they are when the entry still has them unchanged.
/// </summary>
/// <param name="Id">The entry's row id.</param>
/// <param name="FirstLine">The seq of the first stored history row: how many lines were folded.</param>
/// <param name="EndLine">The seq after the last stored history row.</param>
/// <param name="FoldedMessage">The stored message, folded (<see cref="OrdinalIgnoreCaseFolding"/>).</param>
/// <param name="LineBeforeLast">The line stored at <see cref="EndLine"/> − 2, where known.</param>
/// <param name="LastLine">The line stored at <see cref="EndLine"/> − 1, where known.</param>
/// <param name="Remembered">
/// Whether the row comes from the store's memory rather than a read in the save's own transaction: the save's update then
/// decides whether the entry's version still matches.
/// </param>
internal readonly record struct StoredEntryRow(
    long Id,
    int FirstLine,
    int EndLine,
    string? FoldedMessage,
    JournalStatusChange? LineBeforeLast = null,
    JournalStatusChange? LastLine = null,
    bool Remembered = false)
{
    /// <summary>The row of an entry as it is stored: as a read returned it, or as a committed save wrote it.</summary>
    /// <param name="id">The entry's row id.</param>
    /// <param name="entry">The entry as stored; its lines start after the folded ones and those it was read without.</param>
    public static StoredEntryRow Of(long id, JournalEntry entry)
    {
        var history = entry.History;
        var first = entry.EarlierHistory?.Lines ?? 0;
        return new StoredEntryRow(
            id,
            first,
            first + entry.HistoryLinesNotRead + history.Count,
            OrdinalIgnoreCaseFolding.FoldOrNull(entry.Message),
            history.Count > 1 ? history[^2] : null,
            history.Count > 0 ? history[^1] : null,
            Remembered: true);
    }

    /// <summary>Whether the row is known to hold <paramref name="line"/> at <paramref name="seq"/> already.</summary>
    public bool Holds(int seq, JournalStatusChange line) =>
        (seq == EndLine - 1 && line.Equals(LastLine)) || (seq == EndLine - 2 && line.Equals(LineBeforeLast));
}
