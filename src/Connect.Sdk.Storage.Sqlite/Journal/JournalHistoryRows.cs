using System.Data.Common;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The history lines of a page of journal entries as the SQLite and the PostgreSQL store read them: one row per line,
/// each entry's in its order, with how many kept lines of its entry the read left out
/// (<see cref="JournalEntry.HistoryLinesNotRead"/>; zero for a whole read), the entry's row id, then <c>at</c>,
/// <c>from_status</c>, <c>to_status</c>, <c>message</c>, <c>repeats</c> and <c>last_repeated_at</c>. Collects the lines
/// row by row (<see cref="Add"/>) and attaches them to their entries (<see cref="Attach"/>).
/// </summary>
internal sealed class JournalHistoryRows
{
    private readonly Dictionary<long, (int NotRead, List<JournalStatusChange> Changes)> _history = [];

    /// <summary>Reads every line of a data reader and attaches them to their entries.</summary>
    public static async Task<List<JournalEntry>> AttachAsync(DbDataReader reader, List<(long Id, JournalEntry Entry)> entries, CancellationToken cancellationToken)
    {
        var lines = new JournalHistoryRows();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(new DbStoredRow(reader));
        }

        return lines.Attach(entries);
    }

    /// <summary>Collects the line at a row.</summary>
    public void Add<TRow>(TRow row)
        where TRow : IStoredRow
    {
        var id = row.Int64(1);
        if (!_history.TryGetValue(id, out var lines))
        {
            lines = (row.Int32(0), []);
            _history.Add(id, lines);
        }

        lines.Changes.Add(new JournalStatusChange(row.Instant(2), (JournalStatus)row.Int64(3), (JournalStatus)row.Int64(4), row.NullableString(5))
        {
            Repeats = row.Int32(6),
            LastRepeatedAt = row.NullableInstant(7),
        });
    }

    /// <summary>The entries with the lines collected for them; an entry without lines gets an empty history.</summary>
    public List<JournalEntry> Attach(List<(long Id, JournalEntry Entry)> entries) =>
        entries.ConvertAll(e => _history.TryGetValue(e.Id, out var lines)
            ? e.Entry with { HistoryLinesNotRead = lines.NotRead, History = lines.Changes }
            : e.Entry with { History = [] });
}
