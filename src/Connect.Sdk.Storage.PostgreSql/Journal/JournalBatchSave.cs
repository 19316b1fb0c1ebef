using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.Storage.Sqlite.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql.Journal;

/// <summary>
/// Saves a batch of journal entries set-wise, inside the caller's transaction: every value of the batch travels as one
/// array per column and each statement unnests them, so 1,000 entries are a handful of round trips to the server rather
/// than four or five per entry. An entry whose version no longer matches is left out by the update's version condition
/// and answered with <see langword="null"/>, as <see cref="IJournalStore.TrySaveAsync"/> would.
/// </summary>
internal static class JournalBatchSave
{
    private const string BatchColumns = """
        ord, connection, kind, record_key, expected, status, message, updated_at, title, article_kind, parent_article_number, order_date,
        tracking, attempts, next_attempt_at, folded_key, folded_title, folded_message, earlier_lines, earlier_changes, earlier_failures,
        earlier_failures_in_a_row, earlier_from, earlier_to, earlier_first_status, earlier_first_message
        """;

    private const string Unnested =
        "unnest(@ord, @connection, @kind, @key, @expected, @status, @message, @updated_at, @title, @article_kind, @parent, @order_date, @tracking, @attempts, "
        + "@next_attempt_at, @folded_key, @folded_title, @folded_message, @earlier_lines, @earlier_changes, @earlier_failures, @earlier_failures_in_a_row, "
        + "@earlier_from, @earlier_to, @earlier_first_status, @earlier_first_message)";

    private const string ValueColumns = """
        status, message, updated_at, title, article_kind, parent_article_number, order_date, tracking, attempts, next_attempt_at,
        folded_key, folded_title, folded_message, earlier_lines, earlier_changes, earlier_failures, earlier_failures_in_a_row,
        earlier_from, earlier_to, earlier_first_status, earlier_first_message
        """;

    // The version condition is the optimistic-concurrency check. The history rows stored so far come back with each
    // row, before this batch writes any, so planning the history write reads nothing again.
    private const string UpdateSql = $"""
        UPDATE journal_entries AS e SET ({ValueColumns}, version) = (
            b.status, b.message, b.updated_at, b.title, b.article_kind, b.parent_article_number, b.order_date, b.tracking, b.attempts, b.next_attempt_at,
            b.folded_key, b.folded_title, b.folded_message, b.earlier_lines, b.earlier_changes, b.earlier_failures, b.earlier_failures_in_a_row,
            b.earlier_from, b.earlier_to, b.earlier_first_status, b.earlier_first_message, e.version + 1)
        FROM {Unnested} AS b ({BatchColumns})
        WHERE e.connection = b.connection AND e.kind = b.kind AND e.record_key = b.record_key AND e.version = b.expected
        RETURNING b.ord, e.id,
            (SELECT COALESCE(MIN(seq), 0) FROM journal_history WHERE entry_id = e.id),
            (SELECT COALESCE(MAX(seq) + 1, 0) FROM journal_history WHERE entry_id = e.id);
        """;

    // ON CONFLICT DO NOTHING: a version-zero save over a stored entry inserts nothing; the rows inserted come back by key.
    private const string InsertSql = $"""
        INSERT INTO journal_entries (connection, kind, record_key, {ValueColumns}, version)
        SELECT b.connection, b.kind, b.record_key, b.status, b.message, b.updated_at, b.title, b.article_kind, b.parent_article_number, b.order_date,
            b.tracking, b.attempts, b.next_attempt_at, b.folded_key, b.folded_title, b.folded_message, b.earlier_lines, b.earlier_changes,
            b.earlier_failures, b.earlier_failures_in_a_row, b.earlier_from, b.earlier_to, b.earlier_first_status, b.earlier_first_message, 1
        FROM {Unnested} AS b ({BatchColumns})
        ORDER BY b.ord
        ON CONFLICT (connection, kind, record_key) DO NOTHING
        RETURNING connection, kind, record_key, id;
        """;

    private const string LineColumns = "entry_id, seq, at, from_status, to_status, message, repeats, last_repeated_at";

    private const string UnnestedLines = "unnest(@id, @seq, @at, @from, @to, @message, @repeats, @last) AS l (entry_id, seq, at, from_status, to_status, message, repeats, last_repeated_at)";

    /// <summary>Saves the entries (at most one per key) and returns, per entry in order, the saved entry or <see langword="null"/> for a stale one.</summary>
    public static async Task<JournalEntry?[]> SaveAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var rows = new StoredRow?[entries.Count];
        var updates = Enumerable.Range(0, entries.Count).Where(i => entries[i].Version != 0).ToArray();
        // Of two new entries with one key only the first is inserted; the second is answered as stale (null), as every
        // other store answers it, instead of failing the batch after its updates ran.
        var newKeys = new HashSet<(string, long, string)>();
        var inserts = Enumerable.Range(0, entries.Count).Where(i => entries[i].Version == 0 && newKeys.Add(StoredKey(entries[i]))).ToArray();
        if (updates.Length > 0)
        {
            await using var update = Bind(db.Command(transaction, UpdateSql), entries, updates);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows[reader.GetInt64(0)] = new StoredRow(reader.GetInt64(1), checked((int)reader.GetInt64(2)), checked((int)reader.GetInt64(3)));
            }
        }

        if (inserts.Length > 0)
        {
            var byKey = inserts.ToDictionary(i => StoredKey(entries[i]));
            await using var insert = Bind(db.Command(transaction, InsertSql), entries, inserts);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // A new entry has no history rows yet.
                rows[byKey[(reader.GetString(0), reader.GetInt64(1), reader.GetString(2))]] = new StoredRow(reader.GetInt64(3), 0, 0);
            }
        }

        await SaveHistoryAsync(db, transaction, entries, rows, cancellationToken).ConfigureAwait(false);
        return entries.Select((entry, i) => rows[i] is null ? null : entry with { Version = entry.Version + 1 }).ToArray();
    }

    private static (string Connection, long Kind, string RecordKey) StoredKey(JournalEntry entry) =>
        (entry.Key.Connection.Value, (long)entry.Key.Kind, JournalText.Storable(entry.Key.RecordKey)!);

    // Every part of every entry's plan (JournalHistoryWrite) in one round trip: the rows folds summarised, the rows the
    // entries no longer have, the last stored rows they still have, and the new lines.
    private static async Task SaveHistoryAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IReadOnlyList<JournalEntry> entries, StoredRow?[] rows, CancellationToken cancellationToken)
    {
        var folds = new List<(long Id, long First)>();
        var trims = new List<(long Id, long From)>();
        var rewrites = new JournalBatchLines();
        var inserts = new JournalBatchLines();
        for (var i = 0; i < entries.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                continue;
            }

            var entry = entries[i];
            var plan = JournalHistoryWrite.Plan(entry, row.FirstLine, row.EndLine);
            if (plan.FoldedAway)
            {
                folds.Add((row.Id, plan.First));
            }

            if (plan.TrimFrom is { } trimFrom)
            {
                trims.Add((row.Id, trimFrom));
            }

            if (plan.Rewrite is { } rewrite)
            {
                rewrites.Add(row.Id, entry.History, plan.Start, plan.IndexOf(rewrite), plan.IndexOf(plan.RewriteEnd));
            }

            inserts.Add(row.Id, entry.History, plan.Start, plan.IndexOf(plan.InsertFrom), entry.History.Count);
        }

        await using var batch = new NpgsqlBatch(db, transaction);
        if (folds.Count > 0)
        {
            batch.BatchCommands.Add(Pairs("DELETE FROM journal_history AS h USING unnest(@id, @bound) AS f (entry_id, bound) WHERE h.entry_id = f.entry_id AND h.seq < f.bound;", folds));
        }

        if (trims.Count > 0)
        {
            batch.BatchCommands.Add(Pairs("DELETE FROM journal_history AS h USING unnest(@id, @bound) AS f (entry_id, bound) WHERE h.entry_id = f.entry_id AND h.seq >= f.bound;", trims));
        }

        if (rewrites.Count > 0)
        {
            batch.BatchCommands.Add(rewrites.Bind(new NpgsqlBatchCommand($"""
                UPDATE journal_history AS h SET (at, from_status, to_status, message, repeats, last_repeated_at) = (l.at, l.from_status, l.to_status, l.message, l.repeats, l.last_repeated_at)
                FROM {UnnestedLines} WHERE h.entry_id = l.entry_id AND h.seq = l.seq;
                """)));
        }

        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(inserts.Bind(new NpgsqlBatchCommand($"INSERT INTO journal_history ({LineColumns}) SELECT {LineColumns} FROM {UnnestedLines};")));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand Pairs(string sql, List<(long Id, long Bound)> pairs)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = pairs.Select(p => p.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("bound", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = pairs.Select(p => p.Bound).ToArray() });
        return command;
    }

    // One array per column of the entries at the given positions; "ord" is each entry's position in the batch.
    private static NpgsqlCommand Bind(NpgsqlCommand command, IReadOnlyList<JournalEntry> entries, int[] positions)
    {
        var batch = positions.Select(i => entries[i]).ToArray();
        var messages = batch.Select(e => JournalText.Storable(e.Message)).ToArray();
        var titles = batch.Select(e => JournalText.Storable(e.Title)).ToArray();
        return command
            .Bigints("ord", positions.Select(i => (long?)i))
            .Texts("connection", batch.Select(e => e.Key.Connection.Value))
            .Bigints("kind", batch.Select(e => (long?)e.Key.Kind))
            .Texts("key", batch.Select(e => JournalText.Storable(e.Key.RecordKey)))
            .Bigints("expected", batch.Select(e => (long?)e.Version))
            .Bigints("status", batch.Select(e => (long?)e.Status))
            .Texts("message", messages)
            .Bigints("updated_at", batch.Select(e => (long?)e.UpdatedAt.ToStored()))
            .Texts("title", titles)
            .Bigints("article_kind", batch.Select(e => e.ArticleKind is { } kind ? (long?)kind : null))
            .Texts("parent", batch.Select(e => JournalText.Storable(e.ParentArticleNumber)))
            .Bigints("order_date", batch.Select(e => e.OrderDate.ToStored()))
            .Bigints("tracking", batch.Select(e => e.Tracking is { } tracking ? (long?)tracking : null))
            .Bigints("attempts", batch.Select(e => (long?)e.Attempts))
            .Bigints("next_attempt_at", batch.Select(e => e.NextAttemptAt.ToStored()))
            .Texts("folded_key", batch.Select(e => OrdinalIgnoreCaseFolding.Fold(JournalText.Storable(e.Key.RecordKey)!)))
            .Texts("folded_title", titles.Select(OrdinalIgnoreCaseFolding.FoldOrNull))
            .Texts("folded_message", messages.Select(OrdinalIgnoreCaseFolding.FoldOrNull))
            .Bigints("earlier_lines", batch.Select(e => (long?)(e.EarlierHistory?.Lines ?? 0)))
            .Bigints("earlier_changes", batch.Select(e => (long?)e.EarlierHistory?.Changes))
            .Bigints("earlier_failures", batch.Select(e => (long?)e.EarlierHistory?.Failures))
            .Bigints("earlier_failures_in_a_row", batch.Select(e => (long?)e.EarlierHistory?.FailuresInARow))
            .Bigints("earlier_from", batch.Select(e => e.EarlierHistory?.From.ToStored()))
            .Bigints("earlier_to", batch.Select(e => e.EarlierHistory?.To.ToStored()))
            .Bigints("earlier_first_status", batch.Select(e => e.EarlierHistory is { } earlier ? (long?)earlier.FirstStatus : null))
            .Texts("earlier_first_message", batch.Select(e => JournalText.Storable(e.EarlierHistory?.FirstMessage)));
    }

    private static NpgsqlCommand Bigints(this NpgsqlCommand command, string name, IEnumerable<long?> values) =>
        command.With(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint, values.ToArray());

    private static NpgsqlCommand Texts(this NpgsqlCommand command, string name, IEnumerable<string?> values) =>
        command.With(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values.ToArray());

    // An entry's row id and the seqs of its stored history rows: FirstLine to EndLine − 1.
    private readonly record struct StoredRow(long Id, int FirstLine, int EndLine);
}
