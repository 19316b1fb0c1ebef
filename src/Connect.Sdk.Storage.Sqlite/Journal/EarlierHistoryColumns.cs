using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The columns of <c>journal_entries</c> that hold an entry's <see cref="JournalEntry.EarlierHistory"/>, read alike by
/// the SQLite and the PostgreSQL store (instants as Unix ticks, enums as numbers). <c>earlier_lines</c> is zero while
/// nothing was folded.
/// </summary>
internal static class EarlierHistoryColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Names =
        "earlier_lines, earlier_changes, earlier_failures, earlier_failures_in_a_row, earlier_from, earlier_to, earlier_first_status, earlier_first_message";

    /// <summary>Reads the summary whose <see cref="Names"/> start at <paramref name="offset"/>; <see langword="null"/> when nothing was folded.</summary>
    public static JournalHistorySummary? Read<TRow>(TRow row, int offset)
        where TRow : IStoredRow =>
        row.Int64(offset) == 0 ? null : new JournalHistorySummary
        {
            Lines = row.Int32(offset),
            Changes = row.Int32(offset + 1),
            Failures = row.Int32(offset + 2),
            FailuresInARow = row.Int32(offset + 3),
            From = row.Instant(offset + 4),
            To = row.Instant(offset + 5),
            FirstStatus = (JournalStatus)row.Int64(offset + 6),
            FirstMessage = row.NullableString(offset + 7),
        };
}
