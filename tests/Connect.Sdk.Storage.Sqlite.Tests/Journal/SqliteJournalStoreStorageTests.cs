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
        var rows = await database.ReadAsync(
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
            CancellationToken.None);

        Assert.Equal(4, saved.History.Count);
        Assert.Equal([0L, 1L, 2L, 3L], rows);
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
