using Connect.Sdk.Journal;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>The code of <c>docs/journal.md</c>: deep paging with continuation tokens, the last page and the total.</summary>
public sealed class JournalGuideTests
{
    private static readonly ConnectionId Connection = new("shopify-de");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 8, 0);

    [Fact]
    public async Task QueryPage_FromTheGuide_PagesEveryEntryOnceAndReadsTheLastPage()
    {
        var store = new InMemoryJournalStore();
        for (var i = 0; i < 120; i++)
        {
            await store.TrySaveAsync(new JournalEntry { Key = new JournalKey(Connection, RecordKind.Order, $"{1000 + i}"), UpdatedAt = T0 + Duration.FromMinutes(i) }, CancellationToken.None);
        }

        var journal = new SyncJournal(store, new FakeClock(T0));
        var connection = Connection;
        var ct = CancellationToken.None;
        var seen = new List<string>();

        #region snippet: journal-deep-paging
        var orders = new JournalQuery(connection, RecordKind.Order);

        // First page, then each next one from the token the page before handed out
        var page = await journal.QueryPageAsync(orders, JournalPageRequest.First(50), ct);
        while (page.NextPage is { } next)
        {
            seen.AddRange(page.Entries.Select(e => e.Key.RecordKey));
            page = await journal.QueryPageAsync(orders, JournalPageRequest.After(next, 50), ct);
        }

        seen.AddRange(page.Entries.Select(e => e.Key.RecordKey));

        // "Last page": the last 50 matches, still most recently changed first
        var last = await journal.QueryPageAsync(orders, JournalPageRequest.Last(50), ct);

        // "about 76,000" rather than "76,924" when the count stopped at the limit (1,000 by default)
        var shown = last.TotalIsEstimate ? $"about {last.TotalCount:N0}" : $"{last.TotalCount:N0}";
        #endregion

        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{1119 - i}"), seen);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{1049 - i}"), last.Entries.Select(e => e.Key.RecordKey));
        Assert.Null(last.NextPage);
        Assert.Equal("120", shown);
    }

    [Fact]
    public async Task QueryPage_TokenOfAnotherFilter_IsRefusedWithAClearMessage()
    {
        var store = new InMemoryJournalStore();
        for (var i = 0; i < 3; i++)
        {
            await store.TrySaveAsync(new JournalEntry { Key = new JournalKey(Connection, RecordKind.Order, $"{i}"), UpdatedAt = T0 }, CancellationToken.None);
        }

        var journal = new SyncJournal(store, new FakeClock(T0));
        var orders = new JournalQuery(Connection, RecordKind.Order);
        var first = await journal.QueryPageAsync(orders, JournalPageRequest.First(1), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await journal.QueryPageAsync(orders with { Text = "4711" }, JournalPageRequest.After(first.NextPage!, 1), CancellationToken.None));

        Assert.Contains("another query", refused.Message, StringComparison.Ordinal);
    }
}
