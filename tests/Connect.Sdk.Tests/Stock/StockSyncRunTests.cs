using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockSyncRunTests
{
    [Fact]
    public async Task ScheduledRun_FirstTime_SendsMappedArticlesWithStockSyncOn_NotSwitchedOffOrUnmappedOrParents()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(10, StockWorld.Simple("1001"), StockWorld.Simple("1002", stockSync: false), StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));
        w.H.Articles.Add(StockWorld.Simple("1003"));
        w.H.StockSource.Set("1003", 10);

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(["1001", "M1-S"], w.Sent.Order(StringComparer.Ordinal));
        Assert.Equal(new WorkRunSummary(2, 0, 0, 1), result.Summary);
        Assert.Equal(JournalStatus.NotSynced, (await w.EntryAsync("1002")).Status);
        Assert.Null(await w.FindEntryAsync("1003"));
        Assert.Equal(10, w.H.Market.Stock.GetValueOrDefault("SKU-1001"));
    }

    [Fact]
    public async Task ScheduledRun_NothingChanged_SendsNothingTheSecondTime()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(5);
        await w.RunAsync();
        w.ClearBatches();

        var second = await w.RunAsync();

        Assert.Empty(w.Batches);
        Assert.Equal(WorkRunSummary.Empty, second.Summary);
    }

    [Fact]
    public async Task ScheduledRun_AfterStockChanges_SendsOnlyTheChangedArticles()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(5);
        await w.RunAsync();
        w.ClearBatches();
        w.H.StockSource.Set("A0002", 10, reservedByOpenOrders: 4).Set("A0004", 3).Set("A0005", 10.4m);

        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Event);

        // A0005's quantity to publish stays 10 (10.4 rounds down), so it is not a change.
        Assert.Equal([("A0002", 6), ("A0004", 3)], w.Batches.SelectMany(b => b).Select(u => (u.ArticleNumber, u.Quantity)));
    }

    [Fact]
    public async Task ScheduledRun_RulesChanged_SendsTheArticlesWhoseQuantityToPublishChanged()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(10, StockWorld.Simple("1001"));
        await w.AddAsync(500, StockWorld.Simple("1002"));
        await w.RunAsync();
        w.ClearBatches();

        var problems = await w.Stock.SetRulesAsync(w.Connection, new StockRules { Cap = 100 }, default);
        await w.RunAsync();

        Assert.Empty(problems);
        Assert.Equal([("1002", 100)], w.Batches.SelectMany(b => b).Select(u => (u.ArticleNumber, u.Quantity)));
        Assert.Equal("sent 100: on hand 500 − reserved 0 = 500, capped at 100", (await w.EntryAsync("1002")).Message);
    }

    [Fact]
    public async Task Reconcile_NothingChanged_SendsEveryArticleAnyway()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(5);
        await w.RunAsync();
        w.ClearBatches();

        var result = await w.RunAsync(WorkKind.StockReconcile);

        Assert.Equal(5, w.Sent.Count);
        Assert.Equal(5, result.Summary.Succeeded);
    }

    [Fact]
    public async Task ScheduledRun_120ChangedArticlesAndBatchSize50_SendsThreeBatchesOf50_50_20()
    {
        await using var w = await StockWorld.ProductiveAsync();
        w.H.Market.MaxBatchSize = 50;
        await w.AddManyAsync(120);

        var result = await w.RunAsync();

        Assert.Equal([50, 50, 20], w.Batches.Select(b => b.Count));
        Assert.Equal(120, w.Sent.Distinct().Count());
        Assert.Equal(120, result.Summary.Succeeded);
    }

    [Fact]
    public async Task Run_JournalEntry_ExplainsTheNumberAndCarriesWhatTheFiltersNeed()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(0, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));
        w.H.StockSource.Set("M1-S", 12, reservedByOpenOrders: 3);
        await w.Stock.SetRulesAsync(w.Connection, new StockRules { SafetyBuffer = 2 }, default);

        await w.RunAsync();

        var entry = await w.EntryAsync("M1-S");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal("sent 7: on hand 12 − reserved 3 − buffer 2 = 7", entry.Message);
        Assert.Equal(("Variant M1-S", ArticleKind.Variant, "M1"), (entry.Title, entry.ArticleKind, entry.ParentArticleNumber));
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Running, JournalStatus.Succeeded], entry.History.Select(c => c.To));
        Assert.Equal(7, Assert.Single(w.Batches.Single()).Quantity);
    }

    [Fact]
    public async Task Run_PartialBatchFailure_MarksExactlyTheFailedArticles_AndRetryResendsOnlyThem()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(6);
        w.Answer = batch => new BatchResult(batch.Select(u => u.ArticleNumber is "A0002" or "A0005"
            ? RecordResult.Failure(u.ArticleNumber, "unknown sku " + u.ForeignNumber.Value)
            : RecordResult.Success(u.ArticleNumber)));

        var first = await w.RunAsync();
        w.Answer = null;
        w.ClearBatches();
        var retry = await w.Stock.RetryAsync(w.Connection, JournalSelection.Matching(new JournalQuery(w.Connection, RecordKind.ArticleStock) { Statuses = [JournalStatus.Failed] }), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(new WorkRunSummary(4, 0, 2, 0), first.Summary);
        Assert.Equal(["A0002", "A0005"], retry.Queued);
        Assert.Equal(["A0002", "A0005"], w.Sent);
        Assert.Equal(JournalStatus.Succeeded, (await w.EntryAsync("A0002")).Status);
        var history = (await w.EntryAsync("A0005")).History;
        Assert.Contains(history, c => c.To == JournalStatus.Failed && c.Message == "the marketplace rejected stock 10: unknown sku SKU-A0005 (on hand 10 − reserved 0 = 10)");
    }

    [Fact]
    public async Task ScheduledRun_AfterPartialFailure_ResendsTheFailedArticlesOnly()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.Answer = batch => new BatchResult(batch.Select(u => u.ArticleNumber == "A0002" ? RecordResult.Failure(u.ArticleNumber, "busy") : RecordResult.Success(u.ArticleNumber)));
        await w.RunAsync();
        w.Answer = null;
        w.ClearBatches();
        w.H.Clock.Advance(Duration.FromMinutes(5));

        await w.RunAsync();

        // Only successful sends update the last-sent state, so the delta still sees the failed article as changed
        // (once its first retry is due, five minutes after the failure).
        Assert.Equal(["A0002"], w.Sent);
    }

    [Fact]
    public async Task Run_MarketplaceAnswersWithoutSomeArticle_ThatArticleFails()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.Answer = batch => new BatchResult(batch.Where(u => u.ArticleNumber != "A0003").Select(u => RecordResult.Success(u.ArticleNumber)));

        var result = await w.RunAsync();

        Assert.Equal(new WorkRunSummary(2, 0, 1, 0), result.Summary);
        var entry = await w.EntryAsync("A0003");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains("no answer for this article", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BatchThrows_EveryArticleOfThatBatchFails_WithoutTheSecret_AndTheNextBatchIsSent()
    {
        await using var w = await StockWorld.ProductiveAsync();
        w.H.Market.MaxBatchSize = 2;
        await w.AddManyAsync(5);
        var calls = 0;
        w.Answer = _ => ++calls == 2 ? throw new HttpRequestException($"503 from https://market.test?token={TestMarketplace.Token}") : null;

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(new WorkRunSummary(3, 0, 2, 0), result.Summary);
        Assert.Equal(3, w.Batches.Count);
        foreach (var failed in new[] { "A0003", "A0004" })
        {
            var entry = await w.EntryAsync(failed);
            Assert.Equal(JournalStatus.Failed, entry.Status);
            Assert.Contains("the call to the marketplace failed", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestMarketplace.Token, entry.Message, StringComparison.Ordinal);
        }

        Assert.Equal(JournalStatus.Succeeded, (await w.EntryAsync("A0005")).Status);
    }

    [Fact]
    public async Task ScheduledRun_BatchesKeepThrowing_BreaksOffAfterThree_AndLeavesTheRestToTheNextRun()
    {
        await using var w = await StockWorld.ProductiveAsync();
        w.H.Market.MaxBatchSize = 2;
        await w.AddManyAsync(10);
        w.Answer = _ => throw new HttpRequestException("503 Service Unavailable");

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        Assert.Contains("broke off after 3 failed calls", result.Message, StringComparison.Ordinal);
        Assert.Equal(StockBatchSender.MaxConsecutiveBatchFailures, w.Batches.Count);
        Assert.Equal(JournalStatus.NotSynced, (await w.EntryAsync("A0010")).Status);

        w.Answer = null;
        await w.RunAsync();
        Assert.Equal(10, w.Sent.Distinct().Count());
    }

    [Fact]
    public async Task ManualRun_BatchesKeepThrowing_QueuedArticlesAreNotLeftQueued()
    {
        await using var w = await StockWorld.ProductiveAsync();
        w.H.Market.MaxBatchSize = 1;
        await w.AddManyAsync(5);
        w.Answer = _ => throw new HttpRequestException("503 Service Unavailable");
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0001", "A0002", "A0003", "A0004", "A0005"), default);

        var result = await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        Assert.Equal(3, w.Batches.Count);
        var last = await w.EntryAsync("A0005");
        Assert.Equal(JournalStatus.Failed, last.Status);
        Assert.Contains("not sent: the run broke off", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_StockSourceHasNoLevel_FailsOnceWithoutRepeatingTheHistory()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.H.AddMappedArticlesAsync(w.Connection, StockWorld.Simple("1001"));

        await w.RunAsync();
        w.H.Clock.Advance(Duration.FromMinutes(5));
        await w.RunAsync();

        var entry = await w.EntryAsync("1001");
        Assert.Empty(w.Batches);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Equal("the ERP's stock source reports no stock for article 1001, so nothing was sent", entry.Message);
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Failed], entry.History.Select(c => c.To));
    }

    [Fact]
    public async Task DemoImportMode_ScheduledRun_SendsNothing_AndJournalsEachSuppressedWrite()
    {
        await using var w = await StockWorld.ProductiveAsync(ImportMode.Demo);
        await w.AddManyAsync(3);

        var result = await w.RunAsync();
        var again = await w.RunAsync();

        Assert.Empty(w.Batches);
        Assert.Equal(new WorkRunSummary(0, 0, 0, 3), result.Summary);
        var entry = await w.EntryAsync("A0001");
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Equal("Demo import mode: stock 10 not sent, nothing is changed on the marketplace (on hand 10 − reserved 0 = 10)", entry.Message);
        Assert.Equal(2, entry.History.Count);
        Assert.Equal(3, again.Summary.Skipped);
    }

    [Fact]
    public async Task DemoImportMode_ThenAutomatic_SendsEverythingBecauseNothingWasSentInDemo()
    {
        await using var w = await StockWorld.ProductiveAsync(ImportMode.Demo);
        await w.AddManyAsync(3);
        await w.RunAsync();

        await w.H.Lifecycle.SetImportModeAsync(w.Connection, ImportMode.Automatic, Sync.SyncHarness.User, default);
        await w.RunAsync();

        Assert.Equal(3, w.Sent.Count);
    }

    [Fact]
    public async Task DemoImportMode_ManualRun_SendsNothing_AndTheQueuedArticleIsNotLeftQueued()
    {
        await using var w = await StockWorld.ProductiveAsync(ImportMode.Demo);
        await w.AddManyAsync(1);
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0001"), default);

        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Empty(w.Batches);
        Assert.Equal(JournalStatus.NotSynced, (await w.EntryAsync("A0001")).Status);
        Assert.StartsWith("Demo import mode", (await w.EntryAsync("A0001")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestPhase_ManualRun_SendsOnlyTheRestrictedMapping_AndSaysWhyTheOthersWereNotSent()
    {
        await using var w = await StockWorld.TestPhaseAsync();
        await w.AddAsync(10, StockWorld.Simple("1001"), StockWorld.Simple("1002"), StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));
        await w.H.Get<IForeignNumberStore>().SetRestrictedMappingAsync(w.Connection, new RestrictedArticleMapping("1001", "M1"), default);
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("1001", "1002", "M1"), default);

        var result = await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(["1001", "M1-S"], w.Sent.Order(StringComparer.Ordinal));
        var other = await w.EntryAsync("1002");
        Assert.Equal(JournalStatus.NotSynced, other.Status);
        Assert.Equal("test phase: article 1002 is not in the restricted article mapping of connection market-1, so its stock is not sent", other.Message);
    }

    [Fact]
    public async Task TestPhase_ScheduledRun_IsRefused()
    {
        await using var w = await StockWorld.TestPhaseAsync();
        await w.AddManyAsync(2);

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Refused, result.Outcome);
        Assert.Empty(w.Batches);
    }

    [Fact]
    public async Task Run_MarketplaceWarnsOrSkips_JournalsWarningOrNotSynced()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        w.Answer = _ => new BatchResult(
        [
            new RecordResult("A0001", RecordOutcome.Warning, "quantity above listing limit, 999 published"),
            new RecordResult("A0002", RecordOutcome.Skipped, "stock is managed by the marketplace"),
        ]);

        var result = await w.RunAsync();

        Assert.Equal(new WorkRunSummary(0, 1, 0, 1), result.Summary);
        Assert.Equal(JournalStatus.Warning, (await w.EntryAsync("A0001")).Status);
        Assert.Contains("the marketplace says: quantity above listing limit", (await w.EntryAsync("A0001")).Message, StringComparison.Ordinal);
        Assert.Equal("stock 10 not sent: stock is managed by the marketplace", (await w.EntryAsync("A0002")).Message);
    }
}
