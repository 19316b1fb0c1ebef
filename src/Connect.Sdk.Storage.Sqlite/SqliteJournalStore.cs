using System.Globalization;
using System.Runtime.CompilerServices;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Storage.Sqlite.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IJournalStore"/> in a SQLite file. Entries are rows with a version for optimistic concurrency;
/// their history is kept as rows that grow at the end (only the last one changes, when a repeat is counted), so a save writes only what is new. Every
/// <see cref="JournalQuery"/> criterion runs as SQL on indexes that lead with the journal tab.
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    // Streams read in pages, each in a short read of its own, so a slow consumer never holds a reader (and with it
    // a WAL snapshot that stops checkpoints) open for the whole stream.
    private const int KeyPageSize = 1000;
    private const int EntryPageSize = 200;

    private readonly SqliteDatabase _database;
    private readonly int _readBound;

    // The rows of the entries read or saved lately, so that their saves need not read them again (JournalRowMemory).
    private readonly JournalRowMemory _rows = new();

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteJournalStore(SqliteDatabase database)
        : this(database, JournalDriverChoice.DefaultReadBound)
    {
    }

    /// <summary>Creates the store with another read bound than the default, so tests can reach it with a few entries.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="readBound">Up to how many index entries a keyset page, and its total, read.</param>
    internal SqliteJournalStore(SqliteDatabase database, int readBound)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(readBound, 1);
        _database = database;
        _readBound = readBound;
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key.RecordKey, nameof(key));
        return _database.ReadAsync<JournalEntry?>(
            async (db, ct) =>
            {
                // One read transaction, so the entry and its history come from the same snapshot.
                await using var snapshot = db.BeginTransaction(deferred: true);
                await using var select = db.Command(snapshot, $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = $connection AND kind = $kind AND record_key = $key;")
                    .WithKey(key);
                var entries = JournalRows.ReadWithHistory(select, toChange: false, _rows, ct);
                return entries.Count == 0 ? null : entries[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One read for the whole batch: the keys travel as one JSON array parameter.</remarks>
    public ValueTask<IReadOnlyList<JournalEntry>> GetManyAsync(IReadOnlyCollection<JournalKey> keys, CancellationToken cancellationToken) =>
        ReadManyAsync(keys, toChange: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One read for the whole batch, with the lines a status change needs: a few per entry (usually the newest two) where
    /// <see cref="GetManyAsync"/> reads them all, which for a thousand entries of fifty lines was most of the time a batch
    /// of status changes took.
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
            async (db, ct) =>
            {
                await using var snapshot = db.BeginTransaction(deferred: true);
                var found = new List<JournalEntry>(keys.Count);
                foreach (var tab in keys.GroupBy(k => (k.Connection, k.Kind)))
                {
                    await using var select = db.Command(snapshot, $"""
                            SELECT {JournalRows.Columns} FROM journal_entries
                            WHERE connection = $connection AND kind = $kind AND record_key IN (SELECT value FROM json_each($keys));
                            """)
                        .With("$connection", tab.Key.Connection.Value)
                        .With("$kind", (long)tab.Key.Kind)
                        .With("$keys", SqliteJson.Serialize(tab.Select(k => k.RecordKey)));
                    found.AddRange(JournalRows.ReadWithHistory(select, toChange, _rows, ct));
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
        return SaveAsync((save, ct) => save.SaveAsync(entry, ct), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction for the whole batch: 10,000 changed entries are one commit, not 10,000, and one UPDATE per
    /// hundred of them (<see cref="JournalBatchSave.SaveManyAsync"/>). An entry without history fails the whole batch
    /// before anything is written.
    /// </remarks>
    public ValueTask<IReadOnlyList<JournalEntry?>> TrySaveManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry?.History, nameof(entries));
        }

        return SaveAsync<IReadOnlyList<JournalEntry?>>(async (save, ct) => await save.SaveManyAsync(entries, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One transaction for the whole batch, each statement prepared once for it: 10,000 entries are one commit, not 10,000.</remarks>
    public ValueTask<int> AddMissingAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var save = new JournalBatchSave(db, transaction, _rows);
                var added = 0;
                foreach (var entry in entries)
                {
                    added += await save.AddAsync(entry, ct).ConfigureAwait(false) ? 1 : 0;
                }

                return added;
            },
            cancellationToken);
    }

    // Runs a save in one write transaction and, once it committed, remembers the rows it wrote: an entry saved is often
    // changed again from what the save returned (a run's Running, then its outcome).
    private async ValueTask<T> SaveAsync<T>(Func<JournalBatchSave, CancellationToken, ValueTask<T>> save, CancellationToken cancellationToken)
    {
        var (result, written) = await _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var batch = new JournalBatchSave(db, transaction, _rows);
                return (await save(batch, ct).ConfigureAwait(false), batch.Written);
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var (id, entry) in written)
        {
            _rows.Remember(id, entry);
        }

        return result;
    }

    /// <inheritdoc />
    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var filter = JournalFilter.From(query);
        return _database.ReadAsync(
            async (db, ct) =>
            {
                // The page and the total come from one snapshot, so they agree while writers go on.
                await using var snapshot = db.BeginTransaction(deferred: true);
                var total = await CountAsync(db, snapshot, filter, ct).ConfigureAwait(false);
                var viaTextIndex = filter.CanUseTextIndex && await FewMatchesAsync(db, snapshot, filter, total, skip + take, ct).ConfigureAwait(false);
                var condition = viaTextIndex ? filter.ConditionBesidesText : filter.Condition;
                await using var select = filter.Bind(db.Command(snapshot, $"SELECT {JournalRows.Columns} FROM {JournalFilter.Source(viaTextIndex)} WHERE {condition} {JournalFilter.OrderBy} LIMIT $take OFFSET $skip;"))
                    .With("$take", take)
                    .With("$skip", skip);
                return new JournalPage(JournalRows.ReadWithHistory(select, ct), total);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each page starts on the index where the page before ended (the last page reads the same index backwards), so
    /// page 10,000 costs what the first costs. A free-text search reads the full-text index only when it has few
    /// candidates (<see cref="JournalTextRoute"/>); otherwise the page is read from the index that lists the fewest
    /// entries for the filter (the tab's, or a status's, article kind's or tracking state's, each in page order; or an
    /// order-date range or several statuses of at most 3,000 entries, sorted), checking the rest of the filter on each
    /// entry, on the index but for free text. Off an index in page order a page reads at most 3,000 rows with free text
    /// and 12,000 index entries without: a filter that few of them match returns a page that stopped early
    /// (<see cref="JournalPage.StoppedEarly"/>), whose token continues the search. The total is exact from the
    /// tallies for tab and status filters, and from a whole count of the few full-text candidates or of the sorted
    /// range; otherwise it counts at most one more than the exact-total limit within the same bound, and is an
    /// estimate (<see cref="JournalPage.TotalIsEstimate"/>) when it stopped at either (<see cref="JournalTotal"/>).
    /// </remarks>
    public ValueTask<JournalPage> QueryPageAsync(JournalQuery query, JournalPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.StartsAfter(query);
        var filter = JournalFilter.From(query);
        return _database.ReadAsync(
            async (db, ct) =>
            {
                // The page and the total come from one snapshot, so they agree while writers go on.
                await using var snapshot = db.BeginTransaction(deferred: true);
                var driver = await JournalTextRoute.FewCandidatesAsync(db, snapshot, filter, ct).ConfigureAwait(false)
                    ? null
                    : await JournalDriverChoice.ChooseAsync(db, snapshot, filter, _readBound, ct).ConfigureAwait(false);
                var total = await JournalTotal.CountAsync(db, snapshot, filter, query, driver, request.ExactTotalLimit, _readBound, ct).ConfigureAwait(false);
                return await JournalDrivenPage.ReadAsync(db, snapshot, filter, query, request, after, driver, _readBound, total, ct).ConfigureAwait(false);
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
        var pages = SqliteKeysetPages.StreamAsync(
            _database,
            new SqliteKeysetQuery<(long UpdatedAt, string RecordKey), (long UpdatedAt, string RecordKey)>
            {
                FirstPage = $"SELECT updated_at, record_key FROM journal_entries WHERE {filter.Condition} {JournalFilter.OrderBy} LIMIT $limit;",
                NextPage = $"SELECT updated_at, record_key FROM journal_entries WHERE {filter.Condition} AND {JournalKeysetPage.After} {JournalFilter.OrderBy} LIMIT $limit;",
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
        var rows = SqliteKeysetPages.StreamAsync(
            _database,
            new SqliteKeysetQuery<JournalEntry, (long Kind, string RecordKey)>
            {
                FirstPage = $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = $connection ORDER BY kind, record_key LIMIT $limit;",
                NextPage = $"SELECT {JournalRows.Columns} FROM journal_entries WHERE connection = $connection AND (kind, record_key) > ($after_kind, $after_key) ORDER BY kind, record_key LIMIT $limit;",
                Bind = command => command.With("$connection", connection.Value),
                BindAfter = static (command, after) => command.With("$after_kind", after.Kind).With("$after_key", after.RecordKey),
                Read = static (command, ct) => ValueTask.FromResult(JournalRows.ReadWithHistory(command, ct)),
                KeyOf = static entry => ((long)entry.Key.Kind, entry.Key.RecordKey),
                PageSize = EntryPageSize,

                // An entry and its history are read by two statements, which must see the same snapshot.
                InSnapshot = true,
            },
            cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    // A total from the tallies when only tab and status are filtered; otherwise counted, over the full-text
    // index's candidates when there is free text, so a rare search term does not read the whole tab.
    private static async Task<int> CountAsync(SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, CancellationToken cancellationToken)
    {
        var sql = filter.TallyCondition is { } tally
            ? $"SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE {tally};"
            : filter.CanUseTextIndex
                ? filter.TextMatchCount
                : $"SELECT COUNT(*) FROM journal_entries WHERE {filter.Condition};";
        await using var count = filter.Bind(db.Command(snapshot, sql));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    // Which way to a page of a text search is shorter: reading the tab in order until the page is full takes about
    // wanted × tab ÷ matches rows; sorting the full-text candidates takes about matches. Either gives the same page.
    private static async Task<bool> FewMatchesAsync(
        SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, int matches, int wanted, CancellationToken cancellationToken)
    {
        await using var count = filter.Bind(db.Command(snapshot, "SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE connection = $connection AND kind = $kind;"));
        var tab = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return (long)matches * matches < (long)wanted * tab;
    }
}
