using System.Data.Common;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The history lines of a page of journal entries as the SQLite and the PostgreSQL store read them: one row per line,
/// each entry's in its order, with how many kept lines of its entry the read left out
/// (<see cref="JournalEntry.HistoryLinesNotRead"/>; zero for a whole read), the entry's row id, then <c>at</c>,
/// <c>from_status</c>, <c>to_status</c>, <c>message</c>, <c>repeats</c> and <c>last_repeated_at</c>.
/// </summary>
internal static class JournalHistoryRows
{
    /// <summary>Reads every line and attaches them to their entries; an entry without lines gets an empty history.</summary>
    public static async Task<List<JournalEntry>> AttachAsync(DbDataReader reader, List<(long Id, JournalEntry Entry)> entries, CancellationToken cancellationToken)
    {
        var history = new Dictionary<long, (int NotRead, List<JournalStatusChange> Changes)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(1);
            if (!history.TryGetValue(id, out var lines))
            {
                lines = (checked((int)reader.GetInt64(0)), []);
                history.Add(id, lines);
            }

            lines.Changes.Add(new JournalStatusChange(
                reader.GetInstant(2), (JournalStatus)reader.GetInt64(3), (JournalStatus)reader.GetInt64(4), reader.GetNullableString(5))
            {
                Repeats = checked((int)reader.GetInt64(6)),
                LastRepeatedAt = reader.GetNullableInstant(7),
            });
        }

        return entries.ConvertAll(e => history.TryGetValue(e.Id, out var lines)
            ? e.Entry with { HistoryLinesNotRead = lines.NotRead, History = lines.Changes }
            : e.Entry with { History = [] });
    }
}
