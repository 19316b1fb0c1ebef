using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>Reads journal entries and their history from the rows of <c>journal_entries</c> and <c>journal_history</c>.</summary>
internal static class JournalRows
{
    /// <summary>The columns a read of entries selects, in the order <see cref="JournalEntryColumns.Read"/> expects.</summary>
    public const string Columns = JournalEntryColumns.Names;

    // The kept lines of each entry from the first one a status change needs (IJournalStore.GetManyToChangeAsync): the
    // newest two, and every line from the newest one that ends a run of failures; all of them when none does. Each seq is
    // one step on the primary key (entry_id, seq), the last one walking back from the newest line to the first that is
    // neither Failed nor Running, and the lines are one range on it per entry. The ORDER BY in that LATERAL subquery keeps
    // the planner from pulling it up into a join, which it would run as a hash join over every line of the table.
    // MATERIALIZED works each entry's start out once: inlined, the planner works it out again for every line read, which
    // took twice as long for a thousand entries. GREATEST and LEAST skip NULLs, hence the COALESCE to the first seq when no
    // line ends the failures. An entry without lines has no first seq and no row. The first column of each line is how
    // many kept lines before it were left out.
    internal static readonly string LinesToChangeSql = $"""
        WITH t (id, first, start) AS MATERIALIZED (
            SELECT e.id, f.first, GREATEST(f.first, LEAST(
                (SELECT seq FROM journal_history WHERE entry_id = e.id ORDER BY seq DESC LIMIT 1) - 1,
                COALESCE((SELECT seq FROM journal_history WHERE entry_id = e.id AND to_status NOT IN ({(int)JournalStatus.Failed}, {(int)JournalStatus.Running}) ORDER BY seq DESC LIMIT 1), f.first)))
            FROM unnest(@ids) AS e (id)
            CROSS JOIN LATERAL (SELECT seq AS first FROM journal_history WHERE entry_id = e.id ORDER BY seq LIMIT 1) AS f)
        SELECT t.start - t.first, h.entry_id, h.at, h.from_status, h.to_status, h.message, h.repeats, h.last_repeated_at
        FROM t CROSS JOIN LATERAL (SELECT * FROM journal_history WHERE entry_id = t.id AND seq >= t.start ORDER BY seq) AS h
        ORDER BY h.entry_id, h.seq;
        """;

    // JIT compiling the read of the lines to change costs more than running it: it is a few thousand steps on an index,
    // ten to thirty milliseconds for a thousand entries, yet its estimated cost passes jit_above_cost on a history table
    // without statistics (every entry guessed at hundreds of lines; compiling took 140 ms) or for a few thousand entries.
    // SET LOCAL lasts as long as the read's transaction and travels in the same round trip.
    private const string WithoutJit = "SET LOCAL jit = off;\n";

    private const string LinesSql = """
        SELECT 0, entry_id, at, from_status, to_status, message, repeats, last_repeated_at FROM journal_history
        WHERE entry_id = ANY(@ids)
        ORDER BY entry_id, seq;
        """;

    /// <summary>Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history.</summary>
    public static Task<List<JournalEntry>> ReadWithHistoryAsync(NpgsqlCommand select, CancellationToken cancellationToken) =>
        ReadWithHistoryAsync(select, toChange: false, cancellationToken);

    /// <summary>
    /// Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history: whole, or
    /// <paramref name="toChange"/> only the lines a status change needs (<see cref="IJournalStore.GetManyToChangeAsync"/>).
    /// </summary>
    public static async Task<List<JournalEntry>> ReadWithHistoryAsync(NpgsqlCommand select, bool toChange, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, JournalEntry Entry)>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(JournalEntryColumns.Read(new DbStoredRow(reader)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        // One statement for the whole page: the ids travel as one array parameter.
        await using var lines = select.Connection!.Command(select.Transaction, toChange ? WithoutJit + LinesToChangeSql : LinesSql)
            .With("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Id).ToArray());
        await using var history = await lines.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalHistoryRows.AttachAsync(history, rows, cancellationToken).ConfigureAwait(false);
    }
}
