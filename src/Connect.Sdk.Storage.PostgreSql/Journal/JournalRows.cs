using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>Reads journal entries and their history from the rows of <c>journal_entries</c> and <c>journal_history</c>.</summary>
internal static class JournalRows
{
    /// <summary>The columns <see cref="ReadEntry"/> expects, in its order.</summary>
    public const string Columns =
        "id, connection, kind, record_key, status, message, updated_at, title, article_kind, parent_article_number, order_date, tracking, attempts, version, next_attempt_at, "
        + EarlierHistoryColumns.Names;

    /// <summary>Reads the entry at the reader's row, with the summary of its folded history lines but without the others; returns its row id too.</summary>
    public static (long Id, JournalEntry Entry) ReadEntry(NpgsqlDataReader reader) =>
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

    /// <summary>Reads every entry a command selects (with <see cref="Columns"/>) and attaches each one's history.</summary>
    public static async Task<List<JournalEntry>> ReadWithHistoryAsync(NpgsqlCommand select, CancellationToken cancellationToken)
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

        var history = await ReadHistoryAsync(select.Connection!, select.Transaction, rows.Select(r => r.Id), cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => r.Entry with { History = history.TryGetValue(r.Id, out var changes) ? changes : [] });
    }

    // One statement for the whole page: the ids travel as one array parameter.
    private static async Task<Dictionary<long, List<JournalStatusChange>>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
                SELECT entry_id, at, from_status, to_status, message, repeats, last_repeated_at FROM journal_history
                WHERE entry_id = ANY(@ids)
                ORDER BY entry_id, seq;
                """)
            .With("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, ids.ToArray());
        var history = new Dictionary<long, List<JournalStatusChange>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            if (!history.TryGetValue(id, out var changes))
            {
                changes = [];
                history.Add(id, changes);
            }

            changes.Add(new JournalStatusChange(
                reader.GetInstant(1), (JournalStatus)reader.GetInt64(2), (JournalStatus)reader.GetInt64(3), reader.GetNullableString(4))
            {
                Repeats = checked((int)reader.GetInt64(5)),
                LastRepeatedAt = reader.GetNullableInstant(6),
            });
        }

        return history;
    }
}
