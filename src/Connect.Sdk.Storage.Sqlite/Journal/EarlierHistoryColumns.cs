using System.Data.Common;
using Connect.Sdk.Journal;
using NodaTime;

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
    public static JournalHistorySummary? Read(DbDataReader reader, int offset) =>
        reader.GetInt64(offset) == 0 ? null : new JournalHistorySummary
        {
            Lines = checked((int)reader.GetInt64(offset)),
            Changes = checked((int)reader.GetInt64(offset + 1)),
            Failures = checked((int)reader.GetInt64(offset + 2)),
            FailuresInARow = checked((int)reader.GetInt64(offset + 3)),
            From = Instant.FromUnixTimeTicks(reader.GetInt64(offset + 4)),
            To = Instant.FromUnixTimeTicks(reader.GetInt64(offset + 5)),
            FirstStatus = (JournalStatus)reader.GetInt64(offset + 6),
            FirstMessage = reader.IsDBNull(offset + 7) ? null : reader.GetString(offset + 7),
        };
}
