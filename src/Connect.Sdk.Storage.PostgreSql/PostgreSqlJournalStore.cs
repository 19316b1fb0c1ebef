using System.Globalization;
using System.Runtime.CompilerServices;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.PostgreSql.Journal;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Storage.Sqlite.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IJournalStore"/> in PostgreSQL. Entries are rows with a version for optimistic concurrency;
/// their history is kept as rows that grow at the end (only the last one changes, when a repeat is counted), so a save
/// writes only what is new. Every <see cref="JournalQuery"/> criterion runs as SQL on indexes that lead with the journal
/// tab; the free text on pg_trgm indexes.
/// </summary>
public sealed class PostgreSqlJournalStore : IJournalStore
{
    // Streams read in pages, each in a short read of its own, so a slow consumer never holds a connection and a
    // snapshot (which keeps VACUUM from removing dead rows) open for the whole stream.
    private const int KeyPageSize = 1000;
    private const int EntryPageSize = 200;

    private const string EntryValues = """
        status = @status, message = @message, updated_at = @updated_at, title = @title, article_kind = @article_kind,
        parent_article_number = @parent, order_date = @order_date, tracking = @tracking, attempts = @attempts, next_attempt_at = @next_attempt_at,
        folded_key = @folded_key, folded_title = @folded_title, folded_message = @folded_message,
        earlier_lines = @earlier_lines, earlier_changes = @earlier_changes, earlier_failures = @earlier_failures, earlier_failures_in_a_row = @earlier_failures_in_a_row, earlier_from = @earlier_from,
        earlier_to = @earlier_to, earlier_first_status = @earlier_first_status, earlier_first_message = @earlier_first_message
        """;

    private const string InsertHistory =
        "INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message, repeats, last_repeated_at) VALUES (@id, @seq, @at, @from, @to, @message, @repeats, @last);";

    private const string InsertEntry = """
        INSERT INTO journal_entries (connection, kind, record_key, status, message, updated_at, title, article_kind,
            parent_article_number, order_date, tracking, attempts, next_attempt_at, version, folded_key, folded_title, folded_message,
            earlier_lines, earlier_changes, earlier_failures, earlier_failures_in_a_row, earlier_from, earlier_to, earlier_first_status, earlier_first_message)
        VALUES (@connection, @kind, @key, @status, @message, @updated_at, @title, @article_kind,
            @parent, @order_date, @tracking, @attempts, @next_attempt_at, 1, @folded_key, @folded_title, @folded_message,
            @earlier_lines, @earlier_changes, @earlier_failures, @earlier_failures_in_a_row, @earlier_from, @earlier_to, @earlier_first_status, @earlier_first_message)
        ON CONFLICT (connection, kind, record_key) DO NOTHING
        RETURNING id;
        """;

    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlJournalStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key.RecordKey, nameof(key));
        return _database.ReadAsync<JournalEntry?>(
            async (db, snapshot, ct) =>
            {
                // The read's snapshot: the entry and its history agree.
                await using var select = db.Command(snapshot, $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = @connection AND kind = @kind AND record_key = @key;")
                    .WithKey(key);
                var entries = await JournalRows.ReadWithHistoryAsync(select, ct).ConfigureAwait(false);
                return entries.Count == 0 ? null : entries[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One read per journal tab in the batch: the keys travel as one array parameter.</remarks>
    public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) =>
        ReadManyAsync(keys, toChange: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One read per journal tab in the batch, with the lines a status change needs: a few per entry (usually the newest
    /// two), each entry's found on the history's primary key, where <see cref="GetManyAsync"/> reads them all.
    /// </remarks>
    public ValueTask<IReadOnlyList<JournalEntry>> GetManyToChangeAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) =>
        ReadManyAsync(keys, toChange: true, cancellationToken);

    private ValueTask<IReadOnlyList<JournalEntry>> ReadManyAsync(IReadOnlyCollection<JournalKey> keys, bool toChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<JournalEntry>>([]);
        }

        return _database.ReadAsync<IReadOnlyList<JournalEntry>>(
            async (db, snapshot, ct) =>
            {
                var found = new List<JournalEntry>(keys.Count);
                foreach (var tab in keys.GroupBy(k => (k.Connection, k.Kind)))
                {
                    await using var select = db.Command(snapshot, $"""
                            SELECT {JournalRows.Columns} FROM journal_entries
                            WHERE connection = @connection AND kind = @kind AND record_key = ANY(@keys);
                            """)
                        .With("connection", tab.Key.Connection.Value)
                        .With("kind", (long)tab.Key.Kind)
                        .With("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, tab.Select(k => JournalText.Storable(k.RecordKey)).ToArray());
                    found.AddRange(await JournalRows.ReadWithHistoryAsync(select, toChange, ct).ConfigureAwait(false));
                }

                return found;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.History, nameof(entry));
        return _database.WriteAsync(
            (db, transaction, ct) => SaveAsync(db, transaction, entry, ct),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction and a handful of statements for the whole batch, each value travelling as one array per column:
    /// 1,000 changed entries are four round trips, not 4,000. An entry without history fails the whole batch before
    /// anything is written.
    /// </remarks>
    public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry?.History, nameof(entries));
        }

        if (entries.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<JournalEntry?>>([]);
        }

        return _database.WriteAsync<IReadOnlyList<JournalEntry?>>(
            async (db, transaction, ct) => await JournalBatchSave.SaveAsync(db, transaction, entries, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One transaction for the whole batch: 10,000 entries are one commit, not 10,000.</remarks>
    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                var added = 0;
                await using var insert = db.Command(transaction, InsertEntry);
                foreach (var entry in entries)
                {
                    if (await InsertAsync(insert, entry, ct).ConfigureAwait(false) is { } id)
                    {
                        // A new entry has no history rows yet: its lines go in without counting the stored ones first.
                        await WriteHistoryAsync(db, transaction, id, entry.History, entry.EarlierHistory?.Lines ?? 0, 0, entry.History.Count, InsertHistory, ct).ConfigureAwait(false);
                        added++;
                    }
                }

                return added;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var filter = JournalFilter.From(query);
        return _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                // The page and the total come from one snapshot, so they agree while writers go on.
                await using var count = filter.Bind(db.Command(snapshot, $"SELECT COUNT(*) FROM journal_entries WHERE {filter.Condition};"));
                var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
                await using var select = filter.Bind(db.Command(snapshot, $"SELECT {JournalRows.Columns} FROM journal_entries WHERE {filter.Condition} {JournalFilter.OrderBy} LIMIT @take OFFSET @skip;"))
                    .With("take", take)
                    .With("skip", skip);
                return new JournalPage(await JournalRows.ReadWithHistoryAsync(select, ct).ConfigureAwait(false), total);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each page starts on the index where the page before ended (the last page reads the same index backwards), so
    /// page 10,000 costs what the first costs. The total counts at most one more than the exact-total limit; past it
    /// the total is an estimate (<see cref="JournalKeysetPage.CountAsync"/>).
    /// </remarks>
    public ValueTask<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.StartsAfter(query);
        var filter = JournalFilter.From(query);
        return _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                // The page and the total come from one snapshot, so they agree while writers go on.
                var total = await JournalKeysetPage.CountAsync(
                    db, snapshot, command => filter.Bind((NpgsqlCommand)command), "journal_entries", filter.Condition, query, request.ExactTotalLimit, "NULL", ct).ConfigureAwait(false);
                var sql = JournalKeysetPage.Select(JournalRows.Columns, "journal_entries", filter.Condition, request, after);
                await using var select = JournalKeysetPage.Bind(filter.Bind(db.Command(snapshot, sql)), request, after);
                return JournalKeysetPage.Of(query, request, await JournalRows.ReadWithHistoryAsync(select, ct).ConfigureAwait(false), total);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pages by key set (after the last key's time and record key), not by offset: each page starts on the index
    /// where the last one ended. An entry that changes while the stream runs moves to the top of the order and is
    /// not listed again.
    /// </remarks>
    public async IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = JournalFilter.From(query);
        var pages = PostgreSqlKeysetPages.StreamAsync(
            _database,
            new PostgreSqlKeysetQuery<(long UpdatedAt, string RecordKey), (long UpdatedAt, string RecordKey)>
            {
                FirstPage = $"SELECT updated_at, record_key FROM journal_entries WHERE {filter.Condition} {JournalFilter.OrderBy} LIMIT @limit;",
                NextPage = $"SELECT updated_at, record_key FROM journal_entries WHERE {filter.Condition} AND {JournalKeysetPage.After} {JournalFilter.OrderBy} LIMIT @limit;",
                Bind = command => filter.Bind(command),
                BindAfter = static (command, after) => command.With("@after_at", after.UpdatedAt).With("@after_key", after.RecordKey),
                Read = static async (command, ct) =>
                {
                    var keys = new List<(long, string)>(KeyPageSize);
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        keys.Add((reader.GetInt64(0), reader.GetString(1)));
                    }

                    return keys;
                },
                KeyOf = static key => key,
                PageSize = KeyPageSize,
            },
            cancellationToken);
        await foreach (var (_, recordKey) in pages.ConfigureAwait(false))
        {
            yield return new JournalKey(query.Connection, query.Kind, recordKey);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An iterator of its own rather than the helper's stream returned as is, so the public signature keeps
        // [EnumeratorCancellation] and a token given to WithCancellation still cancels.
        var rows = PostgreSqlKeysetPages.StreamAsync(
            _database,
            new PostgreSqlKeysetQuery<JournalEntry, (long Kind, string RecordKey)>
            {
                FirstPage = $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = @connection ORDER BY kind, record_key LIMIT @limit;",
                NextPage = $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = @connection AND (kind, record_key) > (@after_kind, @after_key) ORDER BY kind, record_key LIMIT @limit;",
                Bind = command => command.With("connection", connection.Value),
                BindAfter = static (command, after) => command.With("after_kind", after.Kind).With("after_key", after.RecordKey),
                Read = static async (command, ct) => await JournalRows.ReadWithHistoryAsync(command, ct).ConfigureAwait(false),
                KeyOf = static entry => ((long)entry.Key.Kind, entry.Key.RecordKey),
                PageSize = EntryPageSize,
            },
            cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private static async ValueTask<JournalEntry?> SaveAsync(NpgsqlConnection db, NpgsqlTransaction transaction, JournalEntry entry, CancellationToken cancellationToken)
    {
        var id = entry.Version == 0
            ? await InsertAsync(db, transaction, entry, cancellationToken).ConfigureAwait(false)
            : await UpdateAsync(db, transaction, entry, cancellationToken).ConfigureAwait(false);
        if (id is not { } entryId)
        {
            return null;
        }

        await SaveHistoryAsync(db, transaction, entryId, entry, cancellationToken).ConfigureAwait(false);
        return entry with { Version = entry.Version + 1 };
    }

    // ON CONFLICT DO NOTHING: a version-zero save over a stored entry inserts nothing and returns no id.
    private static async Task<long?> InsertAsync(NpgsqlConnection db, NpgsqlTransaction transaction, JournalEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, InsertEntry);
        return await InsertAsync(command, entry, cancellationToken).ConfigureAwait(false);
    }

    // The command is bound afresh for each entry, so a batch reuses one prepared statement.
    private static async Task<long?> InsertAsync(NpgsqlCommand command, JournalEntry entry, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        command.WithKey(entry.Key).WithValues(entry);
        return (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    // The version condition is the optimistic-concurrency check: a stale or unknown version updates no row.
    private static async Task<long?> UpdateAsync(NpgsqlConnection db, NpgsqlTransaction transaction, JournalEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, $"""
                UPDATE journal_entries SET {EntryValues}, version = version + 1
                WHERE connection = @connection AND kind = @kind AND record_key = @key AND version = @expected
                RETURNING id;
                """)
            .WithKey(entry.Key)
            .WithValues(entry)
            .With("expected", entry.Version);
        return (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    // One statement per part of the plan (JournalHistoryWrite): the rows a fold summarised, the rows the entry no longer
    // has, the last two stored rows it still has, and the new lines — each with one prepared statement.
    private static async Task SaveHistoryAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, long entryId, JournalEntry entry, CancellationToken cancellationToken)
    {
        var history = entry.History;
        await using var stored = db.Command(transaction, "SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq) + 1, 0) FROM journal_history WHERE entry_id = @id;").With("id", entryId);
        JournalHistoryWrite plan;
        await using (var reader = await stored.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            plan = JournalHistoryWrite.Plan(entry, checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
        }

        if (plan.FoldedAway)
        {
            await using var fold = db.Command(transaction, "DELETE FROM journal_history WHERE entry_id = @id AND seq < @first;")
                .With("id", entryId)
                .With("first", (long)plan.First);
            await fold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (plan.TrimFrom is { } trimFrom)
        {
            await using var trim = db.Command(transaction, "DELETE FROM journal_history WHERE entry_id = @id AND seq >= @count;")
                .With("id", entryId)
                .With("count", (long)trimFrom);
            await trim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (plan.Rewrite is { } rewrite)
        {
            await WriteHistoryAsync(
                db, transaction, entryId, history, plan.Start, plan.IndexOf(rewrite), plan.IndexOf(plan.RewriteEnd),
                "UPDATE journal_history SET at = @at, from_status = @from, to_status = @to, message = @message, repeats = @repeats, last_repeated_at = @last WHERE entry_id = @id AND seq = @seq;",
                cancellationToken).ConfigureAwait(false);
        }

        if (plan.IndexOf(plan.InsertFrom) < history.Count)
        {
            await WriteHistoryAsync(db, transaction, entryId, history, plan.Start, plan.IndexOf(plan.InsertFrom), history.Count, InsertHistory, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteHistoryAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, long entryId, IReadOnlyList<JournalStatusChange> history, int firstSeq, int from, int to, string sql, CancellationToken cancellationToken)
    {
        await using var write = db.Command(transaction, sql);
        var seq = write.Parameters.Add("seq", NpgsqlDbType.Bigint);
        var at = write.Parameters.Add("at", NpgsqlDbType.Bigint);
        var fromStatus = write.Parameters.Add("from", NpgsqlDbType.Bigint);
        var toStatus = write.Parameters.Add("to", NpgsqlDbType.Bigint);
        var message = write.Parameters.Add("message", NpgsqlDbType.Text);
        var repeats = write.Parameters.Add("repeats", NpgsqlDbType.Bigint);
        var last = write.Parameters.Add("last", NpgsqlDbType.Bigint);
        write.With("id", entryId);
        for (var i = from; i < to; i++)
        {
            var change = history[i];
            seq.Value = (long)firstSeq + i;
            at.Value = change.At.ToStored();
            fromStatus.Value = (long)change.From;
            toStatus.Value = (long)change.To;
            message.Value = (object?)JournalText.Storable(change.Message) ?? DBNull.Value;
            repeats.Value = (long)change.Repeats;
            last.Value = (object?)change.LastRepeatedAt?.ToStored() ?? DBNull.Value;
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
