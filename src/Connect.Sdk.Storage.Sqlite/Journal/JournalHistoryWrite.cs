using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// What a save writes of an entry's history rows, the same in the SQLite and the PostgreSQL store. A row's seq is its
/// line's position in the whole history, the folded lines included (line <c>i</c> of <see cref="JournalEntry.History"/>
/// is seq <see cref="Start"/> + i), so the rows kept never move: the history grows at its end, only its last two lines
/// change in place (an identical repeat is counted on the last, or on the one before it when a Running line after it
/// goes — and one save may do that and then add a line, leaving the count the same), and a fold removes a range at its head. The lines an entry was read without (<see cref="JournalEntry.HistoryLinesNotRead"/>) lie between
/// <see cref="First"/> and <see cref="Start"/> and stay as stored.
/// </summary>
/// <param name="First">The seq of the entry's first kept line: how many lines were folded.</param>
/// <param name="Start">The seq of the entry's first line in <see cref="JournalEntry.History"/>: <see cref="First"/> plus the lines it was read without.</param>
/// <param name="FoldedAway">Whether rows before <see cref="First"/> are stored and go (a fold since the last save).</param>
/// <param name="TrimFrom">The seq from which stored rows go because the entry no longer has them; <see langword="null"/> when none do.</param>
/// <param name="Rewrite">The seq of the first of the last two stored rows the entry still has in its history, which are rewritten in place up to <see cref="RewriteEnd"/>; <see langword="null"/> when none is.</param>
/// <param name="RewriteEnd">The seq after the last stored row the entry still has: the end of the rows rewritten.</param>
/// <param name="InsertFrom">The seq from which the entry's lines are new rows, up to its last line.</param>
internal readonly record struct JournalHistoryWrite(int First, int Start, bool FoldedAway, int? TrimFrom, int? Rewrite, int RewriteEnd, int InsertFrom)
{
    /// <summary>Plans the save of an entry's history over the stored rows, which hold seq <paramref name="storedFirst"/> to <paramref name="storedEnd"/> − 1.</summary>
    /// <exception cref="ArgumentException">The entry was read without lines the stored rows do not hold.</exception>
    public static JournalHistoryWrite Plan(JournalEntry entry, int storedFirst, int storedEnd)
    {
        var first = entry.EarlierHistory?.Lines ?? 0;
        var start = first + entry.HistoryLinesNotRead;
        if (entry.HistoryLinesNotRead < 0 || (entry.HistoryLinesNotRead > 0 && (first < storedFirst || start > storedEnd)))
        {
            throw new ArgumentException($"Journal entry {entry.Key} leaves out {entry.HistoryLinesNotRead} history lines that the store does not hold.", nameof(entry));
        }

        var end = start + entry.History.Count;
        var kept = Math.Min(storedEnd, end);
        return new JournalHistoryWrite(
            first,
            start,
            storedEnd > 0 && storedFirst < first,
            end < storedEnd ? end : null,
            kept > start ? Math.Max(start, kept - 2) : null,
            kept,
            Math.Max(storedEnd, start));
    }

    /// <summary>The index in <see cref="JournalEntry.History"/> of the line stored at <paramref name="seq"/>.</summary>
    public int IndexOf(int seq) => seq - Start;
}
