using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Alerts;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

/// <summary>
/// A marketplace that refuses every article of an automatic run's first batch with the same reason (a shop that knows
/// none of the SKUs) pauses the stock work with one entry and one alert, instead of failing and alerting every article
/// run after run; a few articles failing for their own reasons still fail alone.
/// </summary>
public sealed class StockUniformRefusalTests
{
    private static readonly Duration StockInterval = Duration.FromMinutes(5);

    [Fact]
    public async Task ScheduledRuns_EveryArticleRefusedAlikeForAnHour_OnePausedEntryOneAlertOneCall_ThenResumeSyncsThem()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(12);
        w.Answer = UnknownSku;
        await w.H.Subscriptions().SubscribeAsync(AlertTestKit.Subscription("all-errors"), default);

        for (var run = 0; run < 12; run++)
        {
            await w.H.Engine.RunDueAsync(default);
            await w.H.Dispatcher().DispatchDueAsync(default);
            w.H.Clock.Advance(StockInterval);
        }

        Assert.Single(w.Batches);
        var alert = Assert.Single(w.H.Alerts.Delivered);
        var incident = Assert.Single(alert.Incidents);
        Assert.Equal(RecordKind.Connection, incident.Record.Kind);
        Assert.StartsWith(
            "Paused: the marketplace refused all 12 records the stock reconcile sent first with the same reason (Article A0001 (SKU SKU-A0001): the shop has no product with SKU SKU-A0001, stock 10 not set.).",
            incident.Message,
            StringComparison.Ordinal);
        var failed = await w.H.Journal.QueryAsync(new JournalQuery(w.Connection, RecordKind.ArticleStock) { Statuses = [JournalStatus.Failed] }, 0, 20, default);
        Assert.Equal(0, failed.TotalCount);
        Assert.Equal(JournalStatus.NotSynced, (await w.EntryAsync("A0007")).Status);

        // A user's manual run still goes, each article with its own answer, and failing again it lifts nothing.
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0001", "A0002", "A0003", "A0004", "A0005", "A0006"), default);
        var manual = await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);
        Assert.Equal((WorkRunOutcome.Completed, 6), (manual.Outcome, manual.Summary.Failed));
        Assert.Contains("the shop has no product with SKU SKU-A0003", (await w.EntryAsync("A0003")).Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await w.H.Engine.GetDueWorkAsync(default)).Due, d => d.Kind == WorkKind.StockSync);

        w.Answer = null;
        await w.H.Engine.ResumeAsync(w.Connection, default);
        await w.H.Engine.RunDueAsync(default);

        // The six the manual run failed wait for their next try; the others go out now.
        Assert.Equal(["A0007", "A0008", "A0009", "A0010", "A0011", "A0012"], w.Batches[^1].Select(u => u.ArticleNumber));
        Assert.Equal(JournalStatus.Succeeded, (await w.EntryAsync("A0007")).Status);
        var resumed = await w.H.Journal.GetAsync(new JournalKey(w.Connection, RecordKind.Connection, nameof(WorkKind.StockReconcile)), default);
        Assert.Equal((JournalStatus.Succeeded, "Resumed: the connection's work was resumed; its next run shows whether the cause is fixed."), (resumed!.Status, resumed.Message));
    }

    // As WooCommerce words it: the article, its SKU and its quantity in every message, the reason the same.
    private static BatchResult UnknownSku(IReadOnlyList<StockUpdate> batch) =>
        new(batch.Select(u => RecordResult.Failure(u.ArticleNumber, $"Article {u.ArticleNumber} (SKU {u.ForeignNumber.Value}): the shop has no product with SKU {u.ForeignNumber.Value}, stock {u.Quantity} not set.")));
}
