using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Stock;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect.Sdk.Tests.Prices;

public sealed class PriceSyncRunTests
{
    private const string Explained = "list price 19.99 net + 19 % VAT = 23.79 → rounded 23.99 EUR gross";

    [Fact]
    public async Task ScheduledRun_FirstTime_SendsMappedSimpleArticlesAndVariants_NotParentsOrSwitchedOff_AndExplainsEachPrice()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.Prices.SetRulesAsync(w.Connection, PriceRules.Default with { PriceEnding = 0.99m }, default);
        await w.AddAsync(19.99m, StockWorld.Simple("1001"), StockWorld.Simple("1002", stockSync: false), StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(["1001", "M1-S"], w.Sent.Select(u => u.ArticleNumber).Order(StringComparer.Ordinal));
        Assert.Equal((new Money(23.99m, CurrencyCode.Eur), (Money?)null), w.H.Market.Prices["SKU-1001"]);
        var entry = await w.EntryAsync("1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal("sent 23.99 EUR: " + Explained, entry.Message);
        Assert.Equal("Article 1001", entry.Title);
    }

    [Fact]
    public async Task ScheduledRun_CompareAtAbove_IsSentWithThePrice()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddAsync(19.99m, StockWorld.Simple("1001"));
        w.H.PriceSource.Set(PriceWorld.Net("1001", 19.99m) with { CompareAtAmount = new Money(29.99m, CurrencyCode.Eur) });

        await w.RunAsync();

        Assert.Equal((new Money(23.79m, CurrencyCode.Eur), (Money?)new Money(35.69m, CurrencyCode.Eur)), w.H.Market.Prices["SKU-1001"]);
    }

    [Fact]
    public async Task ScheduledRun_Delta_SendsOnlyWhatChanged_PriceCompareAtOrCurrency()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(4);
        await w.RunAsync();
        w.ClearBatches();

        var unchanged = await w.RunAsync();
        Assert.Empty(w.Batches);
        Assert.Equal(WorkRunSummary.Empty, unchanged.Summary);

        w.H.PriceSource.Set(PriceWorld.Net("A0002", 20.99m)).Set(PriceWorld.Net("A0003", 19.99m) with { CompareAtAmount = new Money(30m, CurrencyCode.Eur) });
        await w.RunAsync(WorkKind.PriceSync, SyncTrigger.Event);
        Assert.Equal(["A0002", "A0003"], w.Sent.Select(u => u.ArticleNumber));

        // New rules change every price to publish.
        w.ClearBatches();
        await w.Prices.SetRulesAsync(w.Connection, PriceRules.Default with { MarkupPercent = 10 }, default);
        await w.RunAsync();
        Assert.Equal([26.17m, 27.48m, 26.17m, 26.17m], w.Sent.Select(u => u.Price.Amount));
        Assert.Equal(39.27m, w.Sent[2].CompareAtPrice?.Amount);
    }

    [Fact]
    public async Task Reconcile_NothingChanged_SendsEveryPriceAnyway()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        await w.RunAsync();
        w.ClearBatches();

        await w.RunAsync(WorkKind.PriceReconcile);

        Assert.Equal(3, w.Sent.Count);
    }

    [Fact]
    public async Task ScheduledRun_ErpPriceInAnotherCurrency_FailsThatArticleAlone_AndTheOthersAreSent()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.H.PriceSource.Set(PriceWorld.Net("A0002", 19.99m, CurrencyCode.Usd));

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(["A0001", "A0003"], w.Sent.Select(u => u.ArticleNumber));
        var refused = await w.EntryAsync("A0002");
        Assert.Equal(JournalStatus.Failed, refused.Status);
        Assert.Equal("article A0002: the list price 19.99 is in USD, but connection market-1 sells in EUR; prices are never converted; no price was sent", refused.Message);
        Assert.Equal(new WorkRunSummary(2, 0, 1, 0), result.Summary);
    }

    [Fact]
    public async Task ScheduledRun_ArticleWithoutPriceInTheList_IsJournaledAsSuch()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(2);
        w.H.PriceSource.Remove(PriceRules.ListPrice, "A0002");

        await w.RunAsync();

        var entry = await w.EntryAsync("A0002");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Equal("the ERP has no list price for article A0002, so no price was sent", entry.Message);
    }

    [Fact]
    public async Task ScheduledRun_PriceGroup_ReadsThatList()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(1);
        w.H.PriceSource.Set("B2B", PriceWorld.Net("A0001", 9.99m));
        await w.Prices.SetRulesAsync(w.Connection, PriceRules.Default with { PriceList = "B2B" }, default);

        await w.RunAsync();

        Assert.Equal(11.89m, Assert.Single(w.Sent).Price.Amount);
        Assert.Equal("sent 11.89 EUR: price of price group B2B 9.99 net + 19 % VAT = 11.89 EUR gross", (await w.EntryAsync("A0001")).Message);
    }

    [Fact]
    public async Task ScheduledRun_120ChangedAndBatchSize50_SendsBatchesOf50_50_20()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(120);

        await w.RunAsync();

        Assert.Equal([50, 50, 20], w.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task ManualRun_MatrixParent_BringsItsVariants_AndItsEntrySumsThemUp()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddAsync(19.99m, StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"), StockWorld.Variant("M1-L", "M1"));
        w.H.PriceSource.Set(PriceWorld.Net("M1-L", 19.99m, CurrencyCode.Usd));

        var queued = await w.Prices.SyncArticlesAsync(w.Connection, JournalSelection.Of("M1"), default);
        var result = await w.RunAsync(WorkKind.PriceSync, SyncTrigger.Manual);

        Assert.Equal(["M1", "M1-L", "M1-S"], queued.Queued.Order(StringComparer.Ordinal));
        Assert.Equal(["M1-S"], w.Sent.Select(u => u.ArticleNumber));
        var parent = await w.EntryAsync("M1");
        Assert.Equal(JournalStatus.Failed, parent.Status);
        Assert.Equal("matrix product: 1 of 2 variants failed (M1-L), 1 sent", parent.Message);
        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task Run_MarketplaceRejectsOne_OnlyItFails_WithBackOff_AndRetryQueuesOnlyIt()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(3);
        w.Answer = batch => new BatchResult(batch.Select(u => u.ArticleNumber == "A0002"
            ? RecordResult.Failure(u.ArticleNumber, "price below the minimum")
            : RecordResult.Success(u.ArticleNumber)).ToArray());

        await w.RunAsync();

        var failed = await w.EntryAsync("A0002");
        Assert.Equal(JournalStatus.Failed, failed.Status);
        Assert.StartsWith("the marketplace rejected price 23.79 EUR: price below the minimum (list price 19.99 net + 19 % VAT = 23.79 EUR gross); next try at", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.NextAttemptAt);
        Assert.Equal(JournalStatus.Succeeded, (await w.EntryAsync("A0001")).Status);
        var retry = await w.Prices.RetryAsync(w.Connection, JournalSelection.Of("A0001", "A0002"), default);
        Assert.Equal(["A0002"], retry.Queued);
    }

    [Fact]
    public async Task ScheduledRun_BatchesKeepThrowing_FailTheirRecords_AndBreakOffAfterThree()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        w.H.Market.MaxBatchSize = 2;
        await w.AddManyAsync(10);
        w.Answer = _ => throw new HttpRequestException("503 Service Unavailable");

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        Assert.Equal(3, w.Batches.Count);
        var entry = await w.EntryAsync("A0001");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.StartsWith("the call to the marketplace failed, price 23.79 EUR not sent: 503 Service Unavailable; next try at", entry.Message, StringComparison.Ordinal);
        var connection = await w.H.Journal.GetAsync(RunJournal.KeyOf(w.Connection, WorkKind.PriceSync), default);
        Assert.StartsWith("The price sync broke off", connection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_EveryArticleRefusedAlike_PausesPriceWorkOnly_AndFailsNoArticle()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddManyAsync(6);
        w.Answer = batch => new BatchResult(batch.Select(u => RecordResult.Failure(u.ArticleNumber, $"Offer {u.ForeignNumber.Value} at {u.Price.Amount} EUR: marketplace not enabled")).ToArray());

        await w.RunAsync();

        var entry = await w.EntryAsync("A0003");
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Equal("price 23.79 EUR not sent: the marketplace refused all 6 articles of the batch with the same reason, and the price sync is paused (see the connection's journal tab)", entry.Message);
        var paused = await w.H.Journal.GetAsync(RunJournal.KeyOf(w.Connection, WorkKind.PriceSync), default);
        Assert.StartsWith("Paused: the marketplace refused all 6 records the price sync sent first", paused?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await w.H.Engine.GetDueWorkAsync(default)).Due, d => d.Kind is WorkKind.PriceSync or WorkKind.PriceReconcile);
    }

    [Fact]
    public async Task DemoImportMode_ScheduledRun_SendsNothing_AndSaysWhatWouldHaveBeenSent()
    {
        await using var w = await PriceWorld.ProductiveAsync(ImportMode.Demo);
        await w.AddManyAsync(2);

        var result = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Empty(w.Batches);
        var entry = await w.EntryAsync("A0001");
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Equal("Demo import mode: price 23.79 EUR not sent, nothing is changed on the marketplace (list price 19.99 net + 19 % VAT = 23.79 EUR gross)", entry.Message);
    }

    [Fact]
    public async Task TestPhase_ManualRun_SendsOnlyTheRestrictedMapping_AndScheduledRunsAreRefused()
    {
        await using var w = await PriceWorld.TestPhaseAsync();
        await w.AddAsync(19.99m, StockWorld.Simple("1001"), StockWorld.Simple("1002"), StockWorld.Parent("M1"), StockWorld.Variant("M1-S", "M1"));
        await w.H.Get<IForeignNumberStore>().SetRestrictedMappingAsync(w.Connection, new RestrictedArticleMapping("1001", "M1"), default);
        await w.Prices.SyncArticlesAsync(w.Connection, JournalSelection.Of("1001", "1002", "M1"), default);

        var manual = await w.RunAsync(WorkKind.PriceSync, SyncTrigger.Manual);
        var scheduled = await w.RunAsync();

        Assert.Equal(WorkRunOutcome.Completed, manual.Outcome);
        Assert.Equal(["1001", "M1-S"], w.Sent.Select(u => u.ArticleNumber).Order(StringComparer.Ordinal));
        Assert.Equal("test phase: article 1002 is not in the restricted article mapping of connection market-1, so its price is not sent", (await w.EntryAsync("1002")).Message);
        Assert.Equal(WorkRunOutcome.Refused, scheduled.Outcome);
    }

    [Fact]
    public async Task SyncArticles_StockSyncSwitchedOff_IsRejectedBecausePricesFollowTheSwitch()
    {
        await using var w = await PriceWorld.ProductiveAsync();
        await w.AddAsync(19.99m, StockWorld.Simple("1002", stockSync: false));

        var result = await w.Prices.SyncArticlesAsync(w.Connection, JournalSelection.Of("1002"), default);

        Assert.Equal("stock sync is switched off for article 1002, and prices follow that switch", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public async Task NotifyPricesChanged_RequestsPriceSyncOnConnectionsThatMayRunIt()
    {
        await using var w = await PriceWorld.ProductiveAsync();

        var requested = await w.Prices.NotifyPricesChangedAsync(["A0001"], default);

        Assert.Equal([w.Connection], requested);
        Assert.Contains((await w.H.Engine.GetDueWorkAsync(default)).Due, d => d.Kind == WorkKind.PriceSync && d.Trigger == SyncTrigger.Event);
    }

    [Fact]
    public async Task SetRules_WithProblems_AreRefusedAndNotStored()
    {
        await using var w = await PriceWorld.ProductiveAsync();

        var problems = await w.Prices.SetRulesAsync(w.Connection, PriceRules.Default with { PriceEnding = 1.5m }, default);

        Assert.Equal(["The price ending is 1.5 but must be a fraction from 0 up to 1, such as 0.99."], problems);
        Assert.Equal(PriceRules.Default, await w.Prices.GetRulesAsync(w.Connection, default));
    }

    [Fact]
    public async Task Run_WithoutPriceSource_FailsAsAWholeSayingSo()
    {
        await using var h = new SyncHarness(services => services.RemoveAll<IPriceSource>());
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Prices);

        var result = await h.Engine.RunAsync(new WorkItem(connection, WorkKind.PriceSync, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant()), default);

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        Assert.Contains("builder.UsePriceSource<T>()", (await h.Journal.GetAsync(RunJournal.KeyOf(connection, WorkKind.PriceSync), default))?.Message, StringComparison.Ordinal);
    }
}
