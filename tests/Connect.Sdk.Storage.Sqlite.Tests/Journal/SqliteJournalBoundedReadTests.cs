using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Journal;

/// <summary>
/// The SQLite journal's bound on what one keyset page reads, made small so that a few hundred entries reach it: pages
/// that stop early, totals estimated below the exact-total limit, and the index each filter is read from.
/// </summary>
public sealed class SqliteJournalBoundedReadTests : IDisposable
{
    // Ten rows with free text, forty index entries without.
    private const int ReadBound = 10;

    private static readonly ConnectionId Shop = new("shop");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task QueryPage_FewMatchesPastTheReadBound_StopsEarlyAndTheTokensListEveryMatchOnce()
    {
        var store = new SqliteJournalStore(_files.Open(), ReadBound);
        var seeded = await SeedAsync(store, 200);
        var rare = new JournalQuery(Shop, RecordKind.Order) { Text = "q" };
        var expected = seeded.Where(rare.Matches).Order(JournalQuery.Order).Select(e => e.Key.RecordKey).ToArray();

        var pages = new List<JournalPage>();
        var request = JournalPageRequest.First(3);
        while (pages.Count <= seeded.Count)
        {
            var page = await store.QueryPageAsync(rare, request, CancellationToken.None);
            pages.Add(page);
            if (page.NextPage is null)
            {
                break;
            }

            request = JournalPageRequest.After(page.NextPage, 3);
        }

        Assert.Equal(expected, pages.SelectMany(p => p.Entries).Select(e => e.Key.RecordKey).ToArray());
        Assert.Contains(pages, p => p.StoppedEarly && p.Entries.Count < 3 && p.NextPage is not null);
        Assert.All(pages, p => Assert.True(p.Entries.Count <= 3 && p.TotalIsEstimate));
        Assert.False(pages[^1].StoppedEarly);
    }

    [Fact]
    public async Task QueryPage_TextBesideARareCriterion_ReadsRowsOnlyForTheEntriesThatPassIt()
    {
        var store = new SqliteJournalStore(_files.Open(), ReadBound);
        var seeded = await SeedAsync(store, 200);
        var simpleDoes = new JournalQuery(Shop, RecordKind.Order) { Text = "oe", ArticleTypes = ArticleTypeFilter.NoVariants };
        var expected = seeded.Where(simpleDoes.Matches).Order(JournalQuery.Order).Select(e => e.Key.RecordKey).Take(3).ToArray();

        var first = await store.QueryPageAsync(simpleDoes, JournalPageRequest.First(3), CancellationToken.None);

        // Text too short for the trigram index; one in ten passes "no variants": forty index entries listed, four rows
        // read for the text, a full page.
        Assert.Equal(expected, first.Entries.Select(e => e.Key.RecordKey).ToArray());
        Assert.False(first.StoppedEarly);
        Assert.NotNull(first.NextPage);
    }

    [Fact]
    public async Task QueryPage_LastPageOfAFilterPastTheReadBound_HoldsTheLastMatchesFoundWithoutAToken()
    {
        var store = new SqliteJournalStore(_files.Open(), ReadBound);
        var seeded = await SeedAsync(store, 200);
        var rare = new JournalQuery(Shop, RecordKind.Order) { Text = "q" };
        var expected = seeded.Where(rare.Matches).Order(JournalQuery.Order).Select(e => e.Key.RecordKey).ToArray();

        var last = await store.QueryPageAsync(rare, JournalPageRequest.Last(3), CancellationToken.None);

        // The oldest ten entries hold one match: the last one, and the page says it looked no further.
        Assert.True(last.StoppedEarly);
        Assert.Null(last.NextPage);
        Assert.Equal(expected.TakeLast(1), last.Entries.Select(e => e.Key.RecordKey));
    }

    [Fact]
    public async Task QueryPage_FewMatchesPastTheReadBound_EstimatesTheTotalFromTheEntriesRead()
    {
        var database = _files.Open();
        var seeded = await SeedAsync(new SqliteJournalStore(database), 400);
        var simple = new JournalQuery(Shop, RecordKind.Order) { ArticleTypes = ArticleTypeFilter.NoVariants };
        var matches = seeded.Count(simple.Matches);

        var bounded = await new SqliteJournalStore(database, ReadBound).QueryPageAsync(simple, JournalPageRequest.First(3), CancellationToken.None);
        var counted = await new SqliteJournalStore(database).QueryPageAsync(simple, JournalPageRequest.First(3), CancellationToken.None);

        // 40 matches, below the exact-total limit: the bound stops the count after 40 index entries, 4 of them matches.
        Assert.Equal(40, matches);
        Assert.True(bounded.TotalIsEstimate);
        Assert.InRange(bounded.TotalCount, 30, 50);
        Assert.Equal((matches, false), (counted.TotalCount, counted.TotalIsEstimate));
    }

    [Fact]
    public async Task ChooseDriver_FrequentStatusAndRareTracking_ReadsTheRareTrackingIndex()
    {
        var database = _files.Open();
        await SeedAsync(new SqliteJournalStore(database), 300);
        var filter = JournalFilter.From(new JournalQuery(Shop, RecordKind.Order) { Statuses = [JournalStatus.Queued], Tracking = TrackingExportState.Failed });

        var driver = await ChooseAsync(database, filter);

        Assert.Equal(("journal_entries_tracking", true), (driver.Index, driver.InPageOrder));
    }

    [Fact]
    public async Task ChooseDriver_ShortOrderDateRange_SortsThatRangeInsteadOfReadingTheTab()
    {
        var database = _files.Open();
        await SeedAsync(new SqliteJournalStore(database), 300);
        var filter = JournalFilter.From(new JournalQuery(Shop, RecordKind.Order) { OrderDateFrom = T0, OrderDateTo = T0 + Duration.FromMinutes(5) });

        var driver = await ChooseAsync(database, filter);

        Assert.Equal(("journal_entries_order_date", false), (driver.Index, driver.InPageOrder));
    }

    [Fact]
    public async Task ListedRange_EveryCriterionButText_IsDecidedOnTheIndexAlone()
    {
        var database = _files.Open();
        await new SqliteJournalStore(database).GetAsync(new JournalKey(Shop, RecordKind.Order, "0"), CancellationToken.None);
        var filter = JournalFilter.From(new JournalQuery(Shop, RecordKind.Order)
        {
            Statuses = [JournalStatus.Queued],
            Tracking = TrackingExportState.Failed,
            ArticleTypes = ArticleTypeFilter.NoVariants,
            OrderDateFrom = T0,
            ChangedFrom = T0,
        });
        var tracking = filter.Drivers.Single(d => d.Index == "journal_entries_tracking");
        var range = new JournalListedRange(filter, tracking, filter.DrivingCondition(tracking), JournalFilter.OrderBy, ReadBound);

        var plan = await SqliteQueryPlans.ExplainAsync(database, range.Matches("listed_at") + " LIMIT 10;", command => range.BindBounds(filter.Bind(command)));

        Assert.Contains(plan, line => line.Contains("USING COVERING INDEX journal_entries_tracking", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();

    private static ValueTask<JournalDriver> ChooseAsync(SqliteDatabase database, JournalFilter filter) =>
        database.ReadAsync(
            async (db, ct) =>
            {
                await using var snapshot = db.BeginTransaction(deferred: true);
                return await JournalDriverChoice.ChooseAsync(db, snapshot, filter, JournalDriverChoice.DefaultReadBound, ct);
            },
            CancellationToken.None);

    // One order a minute: "Quinn" in every 25th title (and nowhere else a Q), one in ten a simple article, every other
    // one queued, tracking failed on every 30th; each placed a minute before it changed.
    private static async Task<List<JournalEntry>> SeedAsync(SqliteJournalStore store, int count)
    {
        var entries = Enumerable.Range(0, count).Select(i => new JournalEntry
        {
            Key = new JournalKey(Shop, RecordKind.Order, $"{1000 + i}"),
            UpdatedAt = T0 + Duration.FromMinutes(i),
            Status = i % 2 == 0 ? JournalStatus.Queued : JournalStatus.Succeeded,
            Title = i % 25 == 0 ? "Quinn Doe" : "John Doe",
            ArticleKind = i % 10 == 0 ? ArticleKind.Simple : ArticleKind.Variant,
            Tracking = i % 30 == 0 ? TrackingExportState.Failed : TrackingExportState.Exported,
            OrderDate = T0 + Duration.FromMinutes(i - 1),
        }).ToArray();
        Assert.Equal(count, await store.AddMissingAsync(entries, CancellationToken.None));
        return [.. entries];
    }
}
