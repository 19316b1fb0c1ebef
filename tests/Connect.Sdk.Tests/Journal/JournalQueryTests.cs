using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Tests.Journal;

public sealed class JournalQueryTests
{
    private static readonly ConnectionId Connection = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 9, 0);

    public static TheoryData<string, JournalQuery, string[]> Filters() => new()
    {
        { "everything", Query(), ["4711", "5000", "5000-M", "5000-S"] },
        { "free text on key", Query() with { Text = "5000-" }, ["5000-M", "5000-S"] },
        { "free text on title, any case", Query() with { Text = "MUG" }, ["4711"] },
        { "free text on message", Query() with { Text = "no shopifyvariantid" }, ["5000-S"] },
        { "status", Query() with { Statuses = [JournalStatus.Failed] }, ["5000-S"] },
        { "two statuses", Query() with { Statuses = [JournalStatus.Failed, JournalStatus.Succeeded] }, ["4711", "5000-S"] },
        { "changed from (inclusive)", Query() with { ChangedFrom = T0 + Duration.FromHours(2) }, ["5000-M", "5000-S"] },
        { "changed to (exclusive)", Query() with { ChangedTo = T0 + Duration.FromHours(2) }, ["4711", "5000"] },
        { "matrix parents only", Query() with { ArticleTypes = ArticleTypeFilter.MatrixParentsOnly }, ["5000"] },
        { "no variants", Query() with { ArticleTypes = ArticleTypeFilter.NoVariants }, ["4711", "5000"] },
        { "variants only", Query() with { ArticleTypes = ArticleTypeFilter.VariantsOnly }, ["5000-M", "5000-S"] },
        { "criteria combine", Query() with { ArticleTypes = ArticleTypeFilter.VariantsOnly, Statuses = [JournalStatus.Queued] }, ["5000-M"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Query_StockTab_ReturnsTheMatchingArticles(string filter, JournalQuery query, string[] expected)
    {
        var store = await StockJournalAsync();

        var page = await store.QueryAsync(query, 0, 100, default);

        Assert.True(expected.Order().SequenceEqual(page.Entries.Select(e => e.Key.RecordKey).Order()), filter);
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public async Task Query_OrderTabs_FilterByOrderDateAndTracking()
    {
        var store = new InMemoryJournalStore();
        await SaveAsync(store, new JournalEntry { Key = new(Connection, RecordKind.OrderStatus, "1001"), UpdatedAt = T0, OrderDate = T0 - Duration.FromDays(2), Tracking = TrackingExportState.Exported });
        await SaveAsync(store, new JournalEntry { Key = new(Connection, RecordKind.OrderStatus, "1002"), UpdatedAt = T0, OrderDate = T0 - Duration.FromDays(1), Tracking = TrackingExportState.Failed });
        await SaveAsync(store, new JournalEntry { Key = new(Connection, RecordKind.Order, "1002"), UpdatedAt = T0, OrderDate = T0 - Duration.FromDays(1) });

        var failedTracking = await store.QueryAsync(new JournalQuery(Connection, RecordKind.OrderStatus) { Tracking = TrackingExportState.Failed }, 0, 10, default);
        var yesterday = await store.QueryAsync(new JournalQuery(Connection, RecordKind.OrderStatus) { OrderDateFrom = T0 - Duration.FromDays(1), OrderDateTo = T0 }, 0, 10, default);

        Assert.Equal(["1002"], failedTracking.Entries.Select(e => e.Key.RecordKey));
        Assert.Equal(["1002"], yesterday.Entries.Select(e => e.Key.RecordKey));
        Assert.All(yesterday.Entries, e => Assert.Equal(RecordKind.OrderStatus, e.Key.Kind));
    }

    [Fact]
    public async Task Query_Pages_CoverEveryMatchOnceInAStableOrder()
    {
        var store = new InMemoryJournalStore();
        for (var i = 0; i < 95; i++)
        {
            // Many entries share one instant, so the record key must break ties for pages not to overlap.
            await SaveAsync(store, new JournalEntry { Key = new(Connection, RecordKind.Order, $"{1000 + i}"), UpdatedAt = T0 + Duration.FromMinutes(i / 10) });
        }

        var query = new JournalQuery(Connection, RecordKind.Order);
        var seen = new List<string>();
        for (var page = 0; page < 10; page++)
        {
            var result = await store.QueryAsync(query, page * 10, 10, default);
            Assert.Equal(95, result.TotalCount);
            seen.AddRange(result.Entries.Select(e => e.Key.RecordKey));
        }

        Assert.Equal(95, seen.Count);
        Assert.Equal(95, seen.Distinct().Count());
        Assert.Equal("1090", seen[0]);
        Assert.Equal("1009", seen[^1]);
    }

    [Fact]
    public async Task ListKeys_WholeFilter_ReturnsMatchesFromEveryPage()
    {
        var store = await StockJournalAsync();
        var keys = new List<string>();

        await foreach (var key in store.ListKeysAsync(Query() with { ArticleTypes = ArticleTypeFilter.VariantsOnly }, default))
        {
            keys.Add(key.RecordKey);
        }

        Assert.Equal(["5000-M", "5000-S"], keys.Order());
    }

    [Fact]
    public async Task Query_OtherConnectionOrTab_IsNeverReturned()
    {
        var store = await StockJournalAsync();
        await SaveAsync(store, new JournalEntry { Key = new(new ConnectionId("amazon-de"), RecordKind.ArticleStock, "4711"), UpdatedAt = T0 });
        await SaveAsync(store, new JournalEntry { Key = new(Connection, RecordKind.Order, "4711"), UpdatedAt = T0 });

        var page = await store.QueryAsync(Query() with { Text = "4711" }, 0, 10, default);

        var entry = Assert.Single(page.Entries);
        Assert.Equal(Connection, entry.Key.Connection);
        Assert.Equal(RecordKind.ArticleStock, entry.Key.Kind);
    }

    private static JournalQuery Query() => new(Connection, RecordKind.ArticleStock);

    private static async Task<InMemoryJournalStore> StockJournalAsync()
    {
        var store = new InMemoryJournalStore();
        await SaveAsync(store, Stock("4711", "Coffee mug", ArticleKind.Simple, T0, JournalStatus.Succeeded, "on hand 12 − reserved 3 = 9"));
        await SaveAsync(store, Stock("5000", "T-shirt", ArticleKind.MatrixParent, T0 + Duration.FromHours(1), JournalStatus.NotSynced, null));
        await SaveAsync(store, Stock("5000-S", "T-shirt S", ArticleKind.Variant, T0 + Duration.FromHours(2), JournalStatus.Failed, "article 5000-S has no shopifyvariantid"));
        await SaveAsync(store, Stock("5000-M", "T-shirt M", ArticleKind.Variant, T0 + Duration.FromHours(3), JournalStatus.Queued, null));
        return store;
    }

    private static JournalEntry Stock(string number, string title, ArticleKind kind, Instant at, JournalStatus status, string? message) =>
        new() { Key = new(Connection, RecordKind.ArticleStock, number), Title = title, ArticleKind = kind, UpdatedAt = at, Status = status, Message = message };

    private static async Task SaveAsync(InMemoryJournalStore store, JournalEntry entry) => Assert.NotNull(await store.TrySaveAsync(entry, default));
}
