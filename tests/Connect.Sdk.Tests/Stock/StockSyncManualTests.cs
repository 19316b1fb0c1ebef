using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;

namespace Connect.Sdk.Tests.Stock;

public sealed class StockSyncManualTests
{
    [Fact]
    public async Task SyncArticles_MatrixParent_BringsItsVariants_AndTheParentSumsThemUp()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(4, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"), StockWorld.Variant("M1-M", "M1"), StockWorld.Variant("M1-L", "M1"));

        var queued = await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("M1"), default);
        var run = await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["M1-L", "M1-M", "M1-S", "M1"], queued.Queued);
        Assert.Equal(["M1-L", "M1-M", "M1-S"], w.Sent);
        Assert.Equal(4, run.Summary.Succeeded);
        var parent = await w.EntryAsync("M1");
        Assert.Equal(JournalStatus.Succeeded, parent.Status);
        Assert.Equal("matrix product: 3 of 3 variants sent", parent.Message);
        Assert.Equal(ArticleKind.MatrixParent, parent.ArticleKind);
    }

    [Fact]
    public async Task SyncArticles_VariantFails_ParentEntryFailsNamingIt()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(4, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"), StockWorld.Variant("M1-M", "M1"));
        w.Answer = batch => new BatchResult(batch.Select(u => u.ArticleNumber == "M1-M" ? RecordResult.Failure(u.ArticleNumber, "listing closed") : RecordResult.Success(u.ArticleNumber)));
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("M1"), default);

        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        var parent = await w.EntryAsync("M1");
        Assert.Equal(JournalStatus.Failed, parent.Status);
        Assert.Equal("matrix product: 1 of 2 variants failed (M1-M), 1 sent", parent.Message);
    }

    [Fact]
    public async Task SyncArticles_ParentAndItsVariantSelected_QueuesTheVariantOnce()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(4, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"), StockWorld.Variant("M1-M", "M1"));

        var queued = await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("M1-S", "M1", "M1-S"), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["M1-S", "M1-M", "M1"], queued.Queued);
        Assert.Equal(["M1-M", "M1-S"], w.Sent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SyncArticles_AlreadyQueued_IsReportedAndNotQueuedTwice()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0001"), default);

        var second = await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0001", "A0002"), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["A0002"], second.Queued);
        Assert.Equal(["A0001"], second.AlreadyQueued);
        Assert.Equal(["A0001", "A0002"], w.Sent);
        Assert.Single((await w.EntryAsync("A0001")).History, c => c.To == JournalStatus.Queued);
    }

    [Fact]
    public async Task SyncArticles_UnknownOrSwitchedOff_AreRejectedWithTheReason()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(1, StockWorld.Simple("1001"), StockWorld.Simple("1002", stockSync: false));

        var result = await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("1001", "9999", "1002"), default);

        Assert.Equal(["1001"], result.Queued);
        Assert.Equal(
            [new QueueRejection("9999", "the ERP has no article 9999"), new QueueRejection("1002", "stock sync is switched off for article 1002")],
            result.Rejected);
    }

    [Fact]
    public async Task ManualRun_ArticleWithoutForeignNumber_FailsWithTheResolversReason()
    {
        await using var w = await StockWorld.ProductiveAsync();
        w.H.Articles.Add(StockWorld.Simple("4711"));
        w.H.StockSource.Set("4711", 5);
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("4711"), default);

        var result = await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        var entry = await w.EntryAsync("4711");
        Assert.Equal(1, result.Summary.Failed);
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.StartsWith("article 4711 has no testsku on connection market-1", entry.Message, StringComparison.Ordinal);
        Assert.Empty(w.Batches);
    }

    [Fact]
    public async Task ManualRun_ArticleUnchangedSinceTheLastSend_IsSentAnyway()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        await w.RunAsync();
        w.ClearBatches();
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("A0002"), default);

        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["A0002"], w.Sent);
        Assert.Equal([JournalStatus.NotSynced, JournalStatus.Running, JournalStatus.Succeeded, JournalStatus.Queued, JournalStatus.Running, JournalStatus.Succeeded], (await w.EntryAsync("A0002")).History.Select(c => c.To));
    }

    [Fact]
    public async Task SyncArticles_EverythingMatchingTheFilter_QueuesEveryPage()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(25);
        await w.AddAsync(3, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));
        await w.RunAsync();
        var filter = new JournalQuery(w.Connection, RecordKind.ArticleStock) { Text = "A00", ArticleTypes = ArticleTypeFilter.NoVariants };
        var firstPage = await w.H.Journal.QueryAsync(filter, 0, 10, default);
        w.ClearBatches();

        var result = await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Matching(filter), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal((10, 25), (firstPage.Entries.Count, firstPage.TotalCount));
        Assert.Equal(25, result.Queued.Count);
        Assert.Equal(25, w.Sent.Count);
        Assert.DoesNotContain("M1-S", w.Sent);
    }

    [Fact]
    public async Task SyncArticles_StockFeatureOff_IsRefused()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        h.Articles.Add(StockWorld.Simple("1001"));

        var result = await h.Get<Connect.Sdk.Stock.StockSync>().SyncArticlesAsync(connection, JournalSelection.Of("1001"), default);

        Assert.True(result.IsRefused);
        Assert.Contains("Stock is off", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_SucceededArticle_IsRejected()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(1);
        await w.RunAsync();

        var result = await w.Stock.RetryAsync(w.Connection, JournalSelection.Of("A0001"), default);

        Assert.Empty(result.Queued);
        Assert.Equal("article A0001 is Succeeded; only failed or warned articles are retried", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public async Task Retry_FailedParent_BringsOnlyItsFailedVariants()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(4, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"), StockWorld.Variant("M1-M", "M1"));
        w.Answer = batch => new BatchResult(batch.Select(u => u.ArticleNumber == "M1-M" ? RecordResult.Failure(u.ArticleNumber, "busy") : RecordResult.Success(u.ArticleNumber)));
        await w.Stock.SyncArticlesAsync(w.Connection, JournalSelection.Of("M1"), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);
        w.Answer = null;
        w.ClearBatches();

        var retry = await w.Stock.RetryAsync(w.Connection, JournalSelection.Of("M1"), default);
        await w.RunAsync(WorkKind.StockSync, SyncTrigger.Manual);

        Assert.Equal(["M1-M", "M1"], retry.Queued);
        Assert.Equal(["M1-M"], w.Sent);
        Assert.Equal(JournalStatus.Succeeded, (await w.EntryAsync("M1")).Status);
    }

    [Fact]
    public async Task NotifyStockChanged_MakesAnEventStockSyncDue_OnlyForConnectionsThatMayRunIt()
    {
        await using var w = await StockWorld.ProductiveAsync();
        var testPhase = await w.H.CreateTestPhaseConnectionAsync("market-2", ImportMode.Automatic, FeatureKind.Stock);
        await w.AddManyAsync(2);
        await w.RunAsync();

        var requested = await w.Stock.NotifyStockChangedAsync(["A0001"], default);
        var plan = await w.H.Engine.GetDueWorkAsync(default);

        Assert.Equal([w.Connection], requested);
        var item = Assert.Single(plan.Due, d => d.Kind == WorkKind.StockSync && d.Trigger == SyncTrigger.Event);
        Assert.Equal(w.Connection, item.Connection);
        Assert.DoesNotContain(plan.Due, d => d.Connection == testPhase);
    }

    [Fact]
    public async Task NotifyStockChanged_EventRun_SendsTheChangedArticle()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        await w.RunAsync();
        w.ClearBatches();
        w.H.StockSource.Set("A0003", 1);

        await w.Stock.NotifyStockChangedAsync(["A0003"], default);
        var item = (await w.H.Engine.GetDueWorkAsync(default)).Due.Single(d => d.Trigger == SyncTrigger.Event);
        await w.H.Engine.RunAsync(item, default);

        Assert.Equal(["A0003"], w.Sent);
    }

    [Fact]
    public async Task NotifyStockChanged_NoArticles_RequestsNothing()
    {
        await using var w = await StockWorld.ProductiveAsync();

        var requested = await w.Stock.NotifyStockChangedAsync([], default);

        Assert.Empty(requested);
        Assert.DoesNotContain((await w.H.Engine.GetDueWorkAsync(default)).Due, d => d.Trigger == SyncTrigger.Event);
    }
}
