using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>What the store kit cannot see of the SQLite journal: the file, the history rows, the tallies and the query plans.</summary>
public sealed class SqliteJournalStoreStorageTests : IDisposable
{
    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task Reopen_SavedEntry_IsReadBackWithItsHistoryAndFoundByText()
    {
        var first = _files.Open();
        var saved = await SaveChangesAsync(new SqliteJournalStore(first), "1001", 3);
        first.Dispose();

        var reopened = new SqliteJournalStore(_files.Open());
        var read = await reopened.GetAsync(saved.Key, CancellationToken.None);
        var found = await reopened.QueryAsync(new JournalQuery(Shop, RecordKind.Order) { Text = "CHANGE 2" }, 0, 10, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(saved.Version, read.Version);
        Assert.Equal(saved.History, read.History);
        Assert.Equal([saved.Key], found.Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task AddMissing_TenThousandMappedArticles_StoresEachWithItsHistoryRowAndTally()
    {
        var store = new SqliteJournalStore(_files.Open());
        var mapped = new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped");
        var entries = Enumerable.Range(1, 10_000)
            .Select(i => new JournalEntry { Key = new JournalKey(Shop, RecordKind.ArticleStock, $"A{i:D5}"), UpdatedAt = T0, Message = "mapped", History = [mapped] })
            .ToArray();

        var added = await store.AddMissingAsync(entries, CancellationToken.None);

        var notSynced = await store.QueryAsync(new JournalQuery(Shop, RecordKind.ArticleStock) { Statuses = [JournalStatus.NotSynced] }, 0, 1, CancellationToken.None);
        var last = await store.GetAsync(entries[^1].Key, CancellationToken.None);
        Assert.Equal(10_000, added);
        Assert.Equal(10_000, notSynced.TotalCount);
        Assert.NotNull(last);
        Assert.Equal([mapped], last.History);
    }

    [Fact]
    public async Task TrySave_GrowingHistory_AppendsOnlyTheNewRows()
    {
        var database = _files.Open();
        var saved = await SaveChangesAsync(new SqliteJournalStore(database), "1001", 4);

        // Each save inserted only its new change: the rows' sequence numbers are 0..3, each written once.
        var rows = await HistorySeqsAsync(database);

        Assert.Equal(4, saved.History.Count);
        Assert.Equal([0L, 1L, 2L, 3L], rows);
    }

    [Fact]
    public async Task TrySave_OldestLinesFolded_DeletesTheirRowsAndKeepsTheOthersInPlace()
    {
        var database = _files.Open();
        var store = new SqliteJournalStore(database);
        var saved = await SaveChangesAsync(store, "1001", 51);
        var summary = new JournalHistorySummary
        {
            Lines = 11, Changes = 11, Failures = 0, FailuresInARow = 0, From = T0, To = T0 + Duration.FromMinutes(10), FirstStatus = JournalStatus.Running, FirstMessage = "change 0",
        };
        var folded = await store.TrySaveAsync(saved with { EarlierHistory = summary, History = saved.History.Skip(11).ToArray() }, CancellationToken.None);
        Assert.NotNull(folded);
        var next = new JournalStatusChange(T0 + Duration.FromHours(1), JournalStatus.Running, JournalStatus.Failed, "refused");

        var grown = await store.TrySaveAsync(folded with { Status = JournalStatus.Failed, History = [.. folded.History, next] }, CancellationToken.None);

        Assert.NotNull(grown);
        Assert.Equal(Enumerable.Range(11, 41).Select(i => (long)i), await HistorySeqsAsync(database));
        var read = await new SqliteJournalStore(_files.Open()).GetAsync(saved.Key, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(summary, read.EarlierHistory);
        Assert.Equal([.. saved.History.Skip(11), next], read.History);
    }

    [Fact]
    public async Task Migrate_JournalOfThePackageBeforeTheBound_KeepsEveryHistoryLine()
    {
        await _files.WriteJournalBeforeAsync(3, $"""
            INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, attempts, version, folded_key, folded_message)
            VALUES (7, 'shop', {(long)RecordKind.Order}, '1001', {(long)JournalStatus.Failed}, 'refused', {T0.ToUnixTimeTicks()}, 1, 3, '1001', 'REFUSED');
            INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message, repeats) VALUES
                (7, 0, {T0.ToUnixTimeTicks()}, 0, 0, 'mapped', 0),
                (7, 1, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Running}, 'sending', 0),
                (7, 2, {T0.ToUnixTimeTicks()}, {(long)JournalStatus.Running}, {(long)JournalStatus.Failed}, 'refused', 2);
            """);

        var read = await new SqliteJournalStore(_files.Open()).GetAsync(new JournalKey(Shop, RecordKind.Order, "1001"), CancellationToken.None);

        Assert.NotNull(read);
        Assert.Null(read.EarlierHistory);
        Assert.Equal(["mapped", "sending", "refused"], read.History.Select(h => h.Message));
        Assert.Equal(3, read.ConsecutiveFailures);
    }

    [Fact]
    public async Task Migrate_JournalOfThePackageWithOneTextIndex_FindsKeyTitleAndMessageAndFollowsTheNextChange()
    {
        await _files.WriteJournalBeforeAsync(6, $"""
            INSERT INTO journal_entries (id, connection, kind, record_key, status, message, updated_at, title, attempts, version, folded_key, folded_title, folded_message) VALUES
                (7, 'shop', {(long)RecordKind.Order}, '1001', {(long)JournalStatus.Failed}, 'tax missing in order 1002', {T0.ToUnixTimeTicks()}, 'Erika Mustermann', 1, 1, '1001', 'ERIKA MUSTERMANN', 'TAX MISSING IN ORDER 1002'),
                (8, 'shop', {(long)RecordKind.Order}, '1002', {(long)JournalStatus.Succeeded}, NULL, {(T0 + Duration.FromMinutes(1)).ToUnixTimeTicks()}, 'John Doe', 1, 1, '1002', 'JOHN DOE', NULL);
            INSERT INTO journal_history (entry_id, seq, at, from_status, to_status, message) VALUES
                (7, 0, {T0.ToUnixTimeTicks()}, 0, {(long)JournalStatus.Failed}, 'tax missing in order 1002'),
                (8, 0, {(T0 + Duration.FromMinutes(1)).ToUnixTimeTicks()}, 0, {(long)JournalStatus.Succeeded}, NULL);
            """);

        var database = _files.Open();
        var store = new SqliteJournalStore(database);
        var failed = await store.GetAsync(new JournalKey(Shop, RecordKind.Order, "1001"), CancellationToken.None);
        Assert.NotNull(failed);
        var before = (Key: await FoundAsync(store, "1001"), Title: await FoundAsync(store, "mustermann"), Message: await FoundAsync(store, "tax missing"), Both: await FoundAsync(store, "1002"));
        var retried = new JournalStatusChange(T0 + Duration.FromHours(1), JournalStatus.Failed, JournalStatus.Warning, "shipped without tracking");
        await store.TrySaveAsync(failed with { Status = JournalStatus.Warning, Message = retried.Message, UpdatedAt = retried.At, History = [.. failed.History, retried] }, CancellationToken.None);

        Assert.Equal(("1001", "1001", "1001", "1002 1001"), before);
        Assert.Equal(("1001", "1001", string.Empty, "1002"), (await FoundAsync(store, "1001"), await FoundAsync(store, "mustermann"), await FoundAsync(store, "tax missing"), await FoundAsync(store, "1002")));
        Assert.Equal("1001", await FoundAsync(store, "tracking"));

        // FTS5 checks each index against what the entries hold now.
        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                foreach (var index in new[] { "journal_text", "journal_message_text" })
                {
                    await using var check = db.Command(transaction, $"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1);");
                    await check.ExecuteNonQueryAsync(ct);
                }

                return 0;
            },
            CancellationToken.None);
    }

    [Fact]
    public async Task QueryPage_TextInKeyAndMessageOfOneEntry_CountsItOnce()
    {
        var store = new SqliteJournalStore(_files.Open());
        var entries = Enumerable.Range(0, 5).Select(i => new JournalEntry
        {
            Key = new JournalKey(Shop, RecordKind.Order, $"{1000 + i}"),
            UpdatedAt = T0 + Duration.FromMinutes(i),
            Status = JournalStatus.Failed,
            Message = $"tax missing in order {1000 + i}",
            Title = $"order {1000 + i}",
        }).ToArray();
        await store.AddMissingAsync(entries, CancellationToken.None);
        var query = new JournalQuery(Shop, RecordKind.Order) { Text = "1003" };

        var page = await store.QueryPageAsync(query, JournalPageRequest.First(10), CancellationToken.None);
        var offset = await store.QueryAsync(query, 0, 10, CancellationToken.None);

        Assert.Equal((1, false, "1003"), (page.TotalCount, page.TotalIsEstimate, Assert.Single(page.Entries).Key.RecordKey));
        Assert.Equal((1, "1003"), (offset.TotalCount, Assert.Single(offset.Entries).Key.RecordKey));
    }

    [Fact]
    public async Task Query_TextIndexes_ProbeAndTotalsReadEachWithoutSortingAndTheTabsEntriesOfAMessageByIndex()
    {
        var database = _files.Open();
        await new SqliteJournalStore(database).GetAsync(new JournalKey(Shop, RecordKind.Order, "0"), CancellationToken.None);
        var text = JournalFilter.From(new JournalQuery(Shop, RecordKind.Order) { Text = "mustermann" });
        var textAndStatus = JournalFilter.From(new JournalQuery(Shop, RecordKind.Order) { Text = "mustermann", Statuses = [JournalStatus.Failed] });

        var probe = await SqliteQueryPlans.ExplainAsync(database, JournalTextRoute.ProbeSql, command => text.Bind(command).With("$probe", 2000));
        var count = await SqliteQueryPlans.ExplainAsync(database, text.TextMatchCount, text.Bind);
        var countWithStatus = await SqliteQueryPlans.ExplainAsync(database, textAndStatus.TextMatchCount, textAndStatus.Bind);

        Assert.All(new[] { probe, count, countWithStatus }, plan =>
        {
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.StartsWith("SEARCH e USING COVERING INDEX journal_entries_message (folded_message=? AND connection=? AND kind=?)", StringComparison.Ordinal));
        });
        Assert.Contains(count, line => line.StartsWith("SEARCH journal_entries USING COVERING INDEX journal_entries_tab_by_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrySave_TheSavedEntryOfALongKeyWithANulCharacter_SavesAgainAloneAndInABatch()
    {
        // SQLitePCLRaw cuts a bound text of more than 512 bytes at its first NUL; the key must be looked up as it was stored.
        var store = new SqliteJournalStore(_files.Open());
        var entry = new JournalEntry
        {
            Key = new JournalKey(Shop, RecordKind.Order, new string('k', 600) + "\0x"),
            UpdatedAt = T0,
            Status = JournalStatus.Running,
            History = [new JournalStatusChange(T0, JournalStatus.NotSynced, JournalStatus.Running, null)],
        };

        var first = await store.TrySaveAsync(entry, CancellationToken.None);
        Assert.NotNull(first);
        var second = await store.TrySaveAsync(first with { Status = JournalStatus.Failed }, CancellationToken.None);
        Assert.NotNull(second);
        var third = await store.TrySaveManyAsync([second with { Status = JournalStatus.Succeeded }], CancellationToken.None);

        Assert.Equal(3, Assert.Single(third)?.Version);
    }

    [Fact]
    public async Task TrySave_TextWithNulCharacter_ReadsBackExactly()
    {
        var store = new SqliteJournalStore(_files.Open());
        const string message = "the marketplace rejected stock 7: bad\0value";
        var entry = new JournalEntry
        {
            Key = new JournalKey(Shop, RecordKind.ArticleStock, "A\01"),
            UpdatedAt = T0,
            Status = JournalStatus.Failed,
            Message = message,
            Title = "Hose\0blau",
            ParentArticleNumber = "P\0",
            History = [new JournalStatusChange(T0, JournalStatus.Running, JournalStatus.Failed, message)],
        };

        await store.TrySaveAsync(entry, CancellationToken.None);
        var read = await new SqliteJournalStore(_files.Open()).GetAsync(entry.Key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal((entry.Key, message, "Hose\0blau", "P\0"), (read.Key, read.Message, read.Title, read.ParentArticleNumber));
        Assert.Equal(message, Assert.Single(read.History).Message);
    }

    [Fact]
    public async Task Query_StatusOnly_TotalComesFromTalliesThatFollowEveryChange()
    {
        var store = new SqliteJournalStore(_files.Open());
        var first = await SaveChangesAsync(store, "1001", 2);
        await SaveChangesAsync(store, "1002", 3);
        await store.TrySaveAsync(first with { Status = JournalStatus.Failed }, CancellationToken.None);

        var failed = await store.QueryAsync(new JournalQuery(Shop, RecordKind.Order) { Statuses = [JournalStatus.Failed] }, 0, 10, CancellationToken.None);
        var all = await store.QueryAsync(new JournalQuery(Shop, RecordKind.Order), 0, 10, CancellationToken.None);

        Assert.Equal(1, failed.TotalCount);
        Assert.Equal(2, all.TotalCount);
    }

    [Fact]
    public async Task QueryPage_CommonWordPastTheExactLimit_EstimatesTheTotalWithinAFifth()
    {
        var store = new SqliteJournalStore(_files.Open());
        var entries = Enumerable.Range(0, 300).Select(i => new JournalEntry
        {
            Key = new JournalKey(Shop, RecordKind.Order, $"{1000 + i}"),
            UpdatedAt = T0 + Duration.FromMinutes(i),
            Title = i % 3 == 0 ? "Erika Mustermann" : "John Doe",
        }).ToArray();
        await store.AddMissingAsync(entries, CancellationToken.None);
        var common = new JournalQuery(Shop, RecordKind.Order) { Text = "mustermann" };

        var estimated = await store.QueryPageAsync(common, JournalPageRequest.First(10) with { ExactTotalLimit = 20 }, CancellationToken.None);
        var counted = await store.QueryPageAsync(common, JournalPageRequest.First(10) with { ExactTotalLimit = 100 }, CancellationToken.None);

        Assert.True(estimated.TotalIsEstimate);
        Assert.InRange(estimated.TotalCount, 80, 120);
        Assert.Equal((100, false), (counted.TotalCount, counted.TotalIsEstimate));
    }

    public static TheoryData<string> IndexedQueries { get; } = new(PlannedQueries().Keys);

    [Theory]
    [MemberData(nameof(IndexedQueries))]
    public async Task Query_CommonFilter_FirstPageIsReadOffAnIndexWithoutSorting(string name)
    {
        var database = _files.Open();
        await new SqliteJournalStore(database).GetAsync(new JournalKey(Shop, RecordKind.Order, "0"), CancellationToken.None);
        var filter = JournalFilter.From(PlannedQueries()[name]);

        var plan = await SqliteQueryPlans.ExplainAsync(database, $"SELECT id FROM journal_entries WHERE {filter.Condition} {JournalFilter.OrderBy} LIMIT 50;", filter.Bind);

        Assert.Contains(plan, line => line.StartsWith("SEARCH journal_entries USING", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static Dictionary<string, JournalQuery> PlannedQueries() => new(StringComparer.Ordinal)
    {
        ["everything"] = new(Shop, RecordKind.Order),
        ["one status"] = new(Shop, RecordKind.Order) { Statuses = [JournalStatus.Failed] },
        ["time range"] = new(Shop, RecordKind.Order) { ChangedFrom = T0, ChangedTo = T0 + Duration.FromDays(1) },
        ["free text"] = new(Shop, RecordKind.Order) { Text = "mustermann" },
        ["matrix parents"] = new(Shop, RecordKind.ArticleStock) { ArticleTypes = ArticleTypeFilter.MatrixParentsOnly },
        ["tracking"] = new(Shop, RecordKind.OrderStatus) { Tracking = TrackingExportState.Pending },
    };

    // The default file as the package before the journal's migration of this version left it, holding what the
    // statements write.
    // The record keys of a search's first page in page order, separated by spaces.
    private static async Task<string> FoundAsync(SqliteJournalStore store, string text)
    {
        var page = await store.QueryPageAsync(new JournalQuery(Shop, RecordKind.Order) { Text = text }, JournalPageRequest.First(10), CancellationToken.None);
        return string.Join(' ', page.Entries.Select(e => e.Key.RecordKey));
    }

    private static Task<List<long>> HistorySeqsAsync(SqliteDatabase database) =>
        database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT seq FROM journal_history ORDER BY seq;");
                var seqs = new List<long>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    seqs.Add(reader.GetInt64(0));
                }

                return seqs;
            },
            CancellationToken.None).AsTask();

    private static async Task<JournalEntry> SaveChangesAsync(SqliteJournalStore store, string recordKey, int changes)
    {
        var entry = new JournalEntry { Key = new JournalKey(Shop, RecordKind.Order, recordKey), UpdatedAt = T0 };
        for (var i = 0; i < changes; i++)
        {
            var at = T0 + Duration.FromMinutes(i);
            var message = "change " + i;
            entry = await store.TrySaveAsync(
                entry with
                {
                    Status = JournalStatus.Running,
                    Message = message,
                    UpdatedAt = at,
                    History = [.. entry.History, new JournalStatusChange(at, entry.Status, JournalStatus.Running, message)],
                },
                CancellationToken.None) ?? throw new InvalidOperationException("The save was refused.");
        }

        return entry;
    }
}
