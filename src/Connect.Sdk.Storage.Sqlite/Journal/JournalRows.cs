using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>Reads journal entries and their history from the rows of <c>journal_entries</c> and <c>journal_history</c>.</summary>
internal static class JournalRows
{
    /// <summary>The columns <see cref="ReadEntry"/> expects, in its order.</summary>
    public const string Columns =
        "id, connection, kind, record_key, status, message, updated_at, title, article_kind, parent_article_number, order_date, tracking, attempts, version, next_attempt_at, "
        + EarlierHistoryColumns.Names;

    /// <summary>Reads the entry at the reader's row, with the summary of its folded history lines but without the others; returns its row id too.</summary>
    public static (long Id, JournalEntry Entry) ReadEntry(SqliteDataReader reader) =>
        (reader.GetInt64(0), new JournalEntry
        {
            Key = new JournalKey(new ConnectionId(reader.GetString(1)), (RecordKind)reader.GetInt64(2), reader.GetString(3)),
            Status = (JournalStatus)reader.GetInt64(4),
            Message = reader.GetNullableString(5),
            UpdatedAt = reader.GetInstant(6),
            Title = reader.GetNullableString(7),
            ArticleKind = reader.IsDBNull(8) ? null : (ArticleKind)reader.GetInt64(8),
            ParentArticleNumber = reader.GetNullableString(9),
            OrderDate = reader.GetNullableInstant(10),
            Tracking = reader.IsDBNull(11) ? null : (TrackingExportState)reader.GetInt64(11),
            Attempts = checked((int)reader.GetInt64(12)),
            Version = reader.GetInt64(13),
            NextAttemptAt = reader.GetNullableInstant(14),
            EarlierHistory = EarlierHistoryColumns.Read(reader, 15),
        });

    // The kept lines of each entry from the first one a status change needs (IJournalStore.GetManyToChangeAsync): the
    // newest two, and every line from the newest one that ends a run of failures; all of them when none does. Each of the
    // three seqs is one step on the primary key (entry_id, seq), the last one walking back from the newest line to the
    // first that is neither Failed nor Running. The first column of each line is how many kept lines before it were left out.
    private static readonly string LinesToChangeSql = $$"""
        WITH e (id) AS (SELECT value FROM json_each($ids)),
        t (id, first, start) AS (
            SELECT id,
                (SELECT seq FROM journal_history WHERE entry_id = e.id ORDER BY seq LIMIT 1),
                min(
                    (SELECT seq FROM journal_history WHERE entry_id = e.id ORDER BY seq DESC LIMIT 1) - 1,
                    coalesce((SELECT seq FROM journal_history WHERE entry_id = e.id AND to_status NOT IN ({{(int)JournalStatus.Failed}}, {{(int)JournalStatus.Running}}) ORDER BY seq DESC LIMIT 1), 0))
            FROM e)
        SELECT max(t.start, t.first) - t.first, h.entry_id, h.at, h.from_status, h.to_status, h.message, h.repeats, h.last_repeated_at
        FROM t JOIN journal_history AS h ON h.entry_id = t.id AND h.seq >= max(t.start, t.first)
        ORDER BY h.entry_id, h.seq;
        """;

    private const string LinesSql = """
        SELECT 0, entry_id, at, from_status, to_status, message, repeats, last_repeated_at FROM journal_history
        WHERE entry_id IN (SELECT value FROM json_each($ids))
        ORDER BY entry_id, seq;
        """;

    /// <summary>Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history.</summary>
    public static Task<List<JournalEntry>> ReadWithHistoryAsync(SqliteCommand select, CancellationToken cancellationToken) =>
        ReadWithHistoryAsync(select, toChange: false, cancellationToken);

    /// <summary>
    /// Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history: whole, or
    /// <paramref name="toChange"/> only the lines a status change needs (<see cref="IJournalStore.GetManyToChangeAsync"/>).
    /// </summary>
    public static async Task<List<JournalEntry>> ReadWithHistoryAsync(SqliteCommand select, bool toChange, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, JournalEntry Entry)>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ReadEntry(reader));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        // One statement for the whole page: the ids travel as one JSON array parameter.
        await using var lines = select.Connection!.Command(select.Transaction, toChange ? LinesToChangeSql : LinesSql)
            .With("$ids", SqliteJson.Serialize(rows.Select(r => r.Id)));
        await using var history = await lines.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalHistoryRows.AttachAsync(history, rows, cancellationToken).ConfigureAwait(false);
    }
}
