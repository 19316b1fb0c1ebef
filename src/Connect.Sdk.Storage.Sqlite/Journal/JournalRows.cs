using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>Reads journal entries and their history from the rows of <c>journal_entries</c> and <c>journal_history</c>.</summary>
internal static class JournalRows
{
    /// <summary>The columns a read of entries selects, in the order <see cref="JournalEntryColumns.Read"/> expects.</summary>
    public const string Columns = JournalEntryColumns.Names;

    // The kept lines of each entry from the first one a status change needs (IJournalStore.GetManyToChangeAsync): the
    // newest two, and every line from the newest one that ends a run of failures; all of them when none does. The kept
    // lines start at earlier_lines (those before were folded); each of the other two seqs is one step on the primary key
    // (entry_id, seq), the second one walking back from the newest line to the first that is neither Failed nor Running.
    // The first column of each line is how many kept lines before it were left out. t is materialized: otherwise SQLite
    // ran both subqueries twice per entry, once for the join and once for the column (a fifth of the read's SQLite time).
    private static readonly string LinesToChangeSql = $$"""
        WITH e (id, first) AS (SELECT j.id, j.earlier_lines FROM json_each($ids) AS i JOIN journal_entries AS j ON j.id = i.value),
        t (id, first, start) AS MATERIALIZED (
            SELECT id, first,
                max(first, min(
                    (SELECT seq FROM journal_history WHERE entry_id = e.id ORDER BY seq DESC LIMIT 1) - 1,
                    coalesce((SELECT seq FROM journal_history WHERE entry_id = e.id AND to_status NOT IN ({{(int)JournalStatus.Failed}}, {{(int)JournalStatus.Running}}) ORDER BY seq DESC LIMIT 1), 0)))
            FROM e)
        SELECT t.start - t.first, h.entry_id, h.at, h.from_status, h.to_status, h.message, h.repeats, h.last_repeated_at
        FROM t JOIN journal_history AS h ON h.entry_id = t.id AND h.seq >= t.start
        ORDER BY h.entry_id, h.seq;
        """;

    private const string LinesSql = """
        SELECT 0, entry_id, at, from_status, to_status, message, repeats, last_repeated_at FROM journal_history
        WHERE entry_id IN (SELECT value FROM json_each($ids))
        ORDER BY entry_id, seq;
        """;

    /// <summary>Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history.</summary>
    public static List<JournalEntry> ReadWithHistory(SqliteCommand select, CancellationToken cancellationToken) =>
        ReadWithHistory(select, toChange: false, remember: null, cancellationToken);

    /// <summary>
    /// Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history: whole, or
    /// <paramref name="toChange"/> only the lines a status change needs (<see cref="IJournalStore.GetManyToChangeAsync"/>).
    /// Both statements are stepped by SQLite itself (<see cref="SqliteStatement"/>): a batch of a thousand entries reads
    /// some 25,000 values, and through a data reader each took about twice the CPU.
    /// </summary>
    /// <param name="select">The command that selects the entries.</param>
    /// <param name="toChange">Whether to read only the lines a status change needs.</param>
    /// <param name="remember">Where to remember each entry's row for a later save of it (<see cref="JournalRowMemory"/>); <see langword="null"/> for reads that only show entries.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static List<JournalEntry> ReadWithHistory(SqliteCommand select, bool toChange, JournalRowMemory? remember, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = new List<(long Id, JournalEntry Entry)>();
        using (var entries = SqliteStatement.Prepare(select))
        {
            while (entries.Step())
            {
                rows.Add(JournalEntryColumns.Read(entries));
                CheckEvery(rows.Count, cancellationToken);
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        // One statement for the whole page: the ids travel as one JSON array parameter.
        cancellationToken.ThrowIfCancellationRequested();
        using var lines = SqliteStatement.Prepare(select.Connection!, toChange ? LinesToChangeSql : LinesSql);
        lines.Bind(lines.ParameterIndex("$ids"), SqliteJson.Serialize(rows.Select(r => r.Id)));
        var history = new JournalHistoryRows();
        for (var read = 1; lines.Step(); read++)
        {
            history.Add(lines);
            CheckEvery(read, cancellationToken);
        }

        var found = history.Attach(rows);
        if (remember is not null)
        {
            for (var i = 0; i < found.Count; i++)
            {
                remember.Remember(rows[i].Id, found[i]);
            }
        }

        return found;
    }

    // A cancelled read stops within a thousand rows (a fraction of a millisecond) rather than paying for the token on each.
    private static void CheckEvery(int rowsRead, CancellationToken cancellationToken)
    {
        if (rowsRead % 1024 == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
