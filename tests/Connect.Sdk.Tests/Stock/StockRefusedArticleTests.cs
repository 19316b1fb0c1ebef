using Connect.Sdk.Alerts;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Alerts;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

/// <summary>An article the marketplace keeps refusing: one incident, a short history, retries that back off.</summary>
public sealed class StockRefusedArticleTests
{
    private static readonly Duration StockInterval = Duration.FromMinutes(5);

    [Fact]
    public async Task ScheduledRuns_MarketplaceKeepsRefusingOneArticle_OneAlertAndAShortHistory()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.Answer = RefuseA0002;
        await w.H.Subscriptions().SubscribeAsync(AlertTestKit.Subscription("stock-errors"), default);

        for (var run = 0; run < 12; run++)
        {
            await w.H.Engine.RunDueAsync(default);
            await w.H.Dispatcher().DispatchDueAsync(default);
            w.H.Clock.Advance(StockInterval);
        }

        var notification = Assert.Single(w.H.Alerts.Delivered);
        Assert.Equal("A0002", Assert.Single(notification.Incidents).Record.RecordKey);
        var entry = await w.EntryAsync("A0002");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.InRange(entry.History.Count, 1, 3);
        Assert.Equal(3, entry.History[^1].Repeats);
    }

    [Fact]
    public async Task ScheduledRuns_ArticleKeepsFailing_RetriesBackOffAndTheJournalSaysWhenNext()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.Answer = RefuseA0002;
        var attempts = new List<Instant>();

        for (var run = 0; run < 12; run++)
        {
            var before = w.Sent.Count(n => n == "A0002");
            await w.RunAsync();
            if (w.Sent.Count(n => n == "A0002") > before)
            {
                attempts.Add(w.H.Clock.GetCurrentInstant());
            }

            w.H.Clock.Advance(StockInterval);
        }

        var start = Connect.Sdk.Tests.Sync.SyncHarness.Start;
        Assert.Equal([start, start + Duration.FromMinutes(5), start + Duration.FromMinutes(15), start + Duration.FromMinutes(35)], attempts);
        var entry = await w.EntryAsync("A0002");
        Assert.Equal(start + Duration.FromMinutes(75), entry.NextAttemptAt);
        Assert.EndsWith("; next try at 2026-11-23T09:15:00Z", entry.Message, StringComparison.Ordinal);
        Assert.Equal(4, entry.ConsecutiveFailures);
    }

    [Fact]
    public async Task ManualRetry_ArticleWaitingForItsNextTry_IsSentAtOnce()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        w.Answer = RefuseA0002;
        await w.RunAsync();
        w.Answer = null;
        w.ClearBatches();

        await w.Stock.RetryAsync(w.Connection, JournalSelection.Of("A0002"), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["A0002"], w.Sent);
        var entry = await w.EntryAsync("A0002");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Null(entry.NextAttemptAt);
    }

    [Fact]
    public async Task ScheduledRun_ArticleFailsDifferently_IsANewIncident()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        await w.H.Subscriptions().SubscribeAsync(AlertTestKit.Subscription("stock-errors"), default);
        w.Answer = RefuseA0002;
        await w.RunAsync();
        await w.H.Dispatcher().DispatchDueAsync(default);
        w.H.Clock.Advance(StockInterval);
        w.Answer = batch => new BatchResult(batch.Select(u => RecordResult.Failure(u.ArticleNumber, "listing closed")));

        await w.RunAsync();
        await w.H.Dispatcher().DispatchDueAsync(default);

        Assert.Equal(2, w.H.Alerts.Delivered.Count);
        Assert.Contains("listing closed", Assert.Single(w.H.Alerts.Delivered[1].Incidents).Message, StringComparison.Ordinal);
    }

    private static BatchResult RefuseA0002(IReadOnlyList<Connect.Sdk.Stock.StockUpdate> batch) =>
        new(batch.Select(u => u.ArticleNumber == "A0002"
            ? RecordResult.Failure(u.ArticleNumber, "unknown sku " + u.ForeignNumber.Value)
            : RecordResult.Success(u.ArticleNumber)));
}
