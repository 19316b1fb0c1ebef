using Connect.Sdk.Journal;
using Connect.Sdk.Storage.PostgreSql.Journal;
using Connect.Sdk.Storage.PostgreSql.Schema;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>What the store kit cannot see of the PostgreSQL journal: the history rows and text PostgreSQL cannot hold.</summary>
public sealed class PostgreSqlJournalStorageTests(PostgreSqlServer server) : IAsyncDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);
    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly PostgreSqlServer _server = server;

    [Fact]
    public async Task TrySave_TextWithNulCharacter_StoresItWithTheReplacementCharacter()
    {
        var store = new PostgreSqlJournalStore(await _databases.OpenAsync());
        var key = new JournalKey(Shop, RecordKind.ArticleStock, "A\01");
        var entry = new JournalEntry
        {
            Key = key,
            UpdatedAt = T0,
            Status = JournalStatus.Failed,
            Message = "the marketplace rejected stock 7: bad\0value",
            Title = "Hose\0blau",
            ParentArticleNumber = "P\0",
            History = [new JournalStatusChange(T0, JournalStatus.Running, JournalStatus.Failed, "bad\0value")],
            EarlierHistory = new JournalHistorySummary
            {
                Lines = 3, Changes = 3, Failures = 1, FailuresInARow = 1, From = T0, To = T0, FirstStatus = JournalStatus.NotSynced, FirstMessage = "mapped\0",
            },
        };

        var saved = await store.TrySaveAsync(entry, CancellationToken.None);
        var read = await store.GetAsync(key, CancellationToken.None);
        var many = await store.GetManyAsync([key], CancellationToken.None);
        var found = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Text = "BAD\0VAL" }, 0, 10, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.NotNull(read);
        Assert.Equal(
            ("A\uFFFD1", "the marketplace rejected stock 7: bad\uFFFDvalue", "Hose\uFFFDblau", "P\uFFFD", "mapped\uFFFD"),
            (read.Key.RecordKey, read.Message, read.Title, read.ParentArticleNumber, read.EarlierHistory?.FirstMessage));
        Assert.Equal("bad\uFFFDvalue", Assert.Single(read.History).Message);
        Assert.Single(many);
        Assert.Equal(1, found.TotalCount);
    }

    [Fact]
    public async Task TrySave_OldestLinesFolded_DeletesTheirRowsAndKeepsTheOthersInPlace()
    {
        var database = await _databases.OpenAsync();
        var store = new PostgreSqlJournalStore(database);
        var lines = Enumerable.Range(0, 51)
            .Select(i => new JournalStatusChange(T0 + Duration.FromMinutes(i), JournalStatus.Running, JournalStatus.Failed, $"refused {i}"))
            .ToArray();
        var saved = await store.TrySaveAsync(
            new JournalEntry { Key = new JournalKey(Shop, RecordKind.Order, "1001"), UpdatedAt = T0, Status = JournalStatus.Failed, History = lines },
            CancellationToken.None);
        Assert.NotNull(saved);
        var summary = new JournalHistorySummary
        {
            Lines = 11, Changes = 11, Failures = 11, FailuresInARow = 11, From = T0, To = lines[10].At, FirstStatus = JournalStatus.Failed, FirstMessage = "refused 0",
        };

        var folded = await store.TrySaveAsync(saved with { EarlierHistory = summary, History = lines[11..] }, CancellationToken.None);
        var grown = await store.TrySaveAsync(folded! with { History = [.. lines[11..], lines[0] with { Message = "new" }] }, CancellationToken.None);

        Assert.NotNull(grown);
        Assert.Equal(Enumerable.Range(11, 41).Select(i => (long)i), await HistorySeqsAsync(database));
        var read = await new PostgreSqlJournalStore(await _databases.OpenAsync()).GetAsync(saved.Key, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(summary, read.EarlierHistory);
        Assert.Equal(grown.History, read.History);
    }

    [Fact]
    public async Task GetManyToChange_EntriesOfOneLine_ReadsTheLineWithNoneLeftOut()
    {
        // One kept line is where the newest two reach past the first line: the read must not start before it.
        var store = new PostgreSqlJournalStore(await _databases.OpenAsync());
        var folded = new JournalHistorySummary
        {
            Lines = 6, Changes = 6, Failures = 3, FailuresInARow = 0, From = T0, To = T0, FirstStatus = JournalStatus.NotSynced, FirstMessage = "mapped",
        };
        var entries = new[]
        {
            new JournalEntry
            {
                Key = new JournalKey(Shop, RecordKind.ArticleStock, "A-1"), UpdatedAt = T0, Status = JournalStatus.NotSynced,
                History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped")],
            },
            new JournalEntry
            {
                Key = new JournalKey(Shop, RecordKind.ArticleStock, "A-2"), UpdatedAt = T0, Status = JournalStatus.Failed, EarlierHistory = folded,
                History = [new JournalStatusChange(T0, JournalStatus.Running, JournalStatus.Failed, "refused")],
            },
        };
        foreach (var entry in entries)
        {
            Assert.NotNull(await store.TrySaveAsync(entry, CancellationToken.None));
        }

        var read = await store.GetManyToChangeAsync([.. entries.Select(e => e.Key)], CancellationToken.None);

        Assert.Equal(
            entries.Select(e => (e.Key.RecordKey, 0, e.History[0].Message)),
            read.OrderBy(e => e.Key.RecordKey, StringComparer.Ordinal).Select(e => (e.Key.RecordKey, e.HistoryLinesNotRead, Assert.Single(e.History).Message)));
    }

    [Fact]
    public async Task GetManyToChange_ThousandsOfLines_ReadsThemOffThePrimaryKeyOnly()
    {
        var database = await _databases.OpenAsync();
        await database.ExecuteSqlAsync($"""
            INSERT INTO journal_entries (connection, kind, record_key, status, updated_at, attempts, version, folded_key)
            SELECT 'shop', {(long)RecordKind.ArticleStock}, 'A-' || i, {(long)JournalStatus.Succeeded}, 0, 0, 1, 'A-' || i FROM generate_series(1, 2000) AS i;
            INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message)
            SELECT e.id, s, s, 0, CASE WHEN s % 2 = 0 THEN {(long)JournalStatus.Running} ELSE {(long)JournalStatus.Succeeded} END, 'line ' || s
            FROM journal_entries AS e, generate_series(0, 29) AS s;
            ANALYZE journal_entries, journal_history;
            """);

        var plan = await ReadRowsAsync(
            database,
            "EXPLAIN " + JournalRows.LinesToChangeSql,
            reader => reader.GetString(0),
            explain => explain.Parameters.AddWithValue("ids", Enumerable.Range(0, 500).Select(i => 1L + (4L * i)).ToArray()));

        // Every read of the history looks one entry up on (entry_id, seq), as the row before it names it: no scan of the
        // table, nor of every line of the entries asked for (entry_id = ANY).
        Assert.DoesNotContain(plan, l => l.Contains("Seq Scan on journal_history", StringComparison.Ordinal));
        var conditions = plan.Where(l => l.Contains("Cond:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(conditions);
        Assert.All(conditions, c => Assert.Matches(@"\(+entry_id = \w+\.id\)", c));
    }

    [Fact]
    public async Task Migrate_JournalOfThePackageBeforeTheBound_KeepsEveryHistoryLine()
    {
        var connectionString = await _server.CreateEmptyDatabaseAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await PostgreSqlMigrator.MigrateAsync(connection, PostgreSqlSchema.Migrations.Where(m => m.Module != "journal" || m.Version < 2).ToList(), CancellationToken.None);
                await using var insert = new NpgsqlCommand($"""
                    INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, attempts, version, folded_key, folded_message)
                    OVERRIDING SYSTEM VALUE
                    VALUES (7, 'shop', {(long)RecordKind.Order}, '1001', {(long)JournalStatus.Failed}, 'refused', {T0.ToUnixTimeTicks()}, 1, 3, '1001', 'REFUSED');
                    INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message, repeats) VALUES
                        (7, 0, {T0.ToUnixTimeTicks()}, 0, 0, 'mapped', 0),
                        (7, 1, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Running}, 'sending', 0),
                        (7, 2, {T0.ToUnixTimeTicks()}, {(long)JournalStatus.Running}, {(long)JournalStatus.Failed}, 'refused', 2);
                    """, connection);
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await using var current = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = connectionString, Clock = PostgreSqlClock.Caller });
            var read = await new PostgreSqlJournalStore(current).GetAsync(new JournalKey(Shop, RecordKind.Order, "1001"), CancellationToken.None);

            Assert.NotNull(read);
            Assert.Null(read.EarlierHistory);
            Assert.Equal(["mapped", "sending", "refused"], read.History.Select(h => h.Message));
            Assert.Equal(3, read.ConsecutiveFailures);
        }
        finally
        {
            await _server.DropDatabaseAsync(connectionString);
        }
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();

    private static Task<List<long>> HistorySeqsAsync(PostgreSqlDatabase database) =>
        ReadRowsAsync(database, "SELECT seq FROM journal_history ORDER BY seq;", reader => reader.GetInt64(0));

    private static async Task<List<T>> ReadRowsAsync<T>(PostgreSqlDatabase database, string sql, Func<NpgsqlDataReader, T> read, Action<NpgsqlCommand>? bind = null) =>
        await database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = new NpgsqlCommand(sql, db, snapshot);
                bind?.Invoke(command);
                var rows = new List<T>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(read(reader));
                }

                return rows;
            },
            CancellationToken.None);
}
