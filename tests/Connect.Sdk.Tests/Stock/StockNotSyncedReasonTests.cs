using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Tests.TestDoubles;
using NodaTime;

namespace Connect.Sdk.Tests.Stock;

/// <summary>Every reason why an article's stock does not sync is in the journal after a scheduled run, not only after a manual one.</summary>
public sealed class StockNotSyncedReasonTests
{
    [Fact]
    public async Task ScheduledRun_ThreeArticlesEachMissingOneCondition_JournalsThreeDifferentReasons()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(10, StockWorld.Simple("1001", stockSync: false), StockWorld.Simple("1002"), StockWorld.Simple("1004"));
        await w.H.AddMappedArticlesAsync(w.Connection, StockWorld.Simple("1003"));
        await w.H.Get<IForeignNumberStore>().RemoveAsync(w.Connection, "1002", TestMarketplace.Label, default);

        await w.RunAsync();

        Assert.Equal(["1004"], w.Sent);
        var switchedOff = await w.EntryAsync("1001");
        var unmapped = await w.EntryAsync("1002");
        var noStock = await w.EntryAsync("1003");
        Assert.Equal((JournalStatus.NotSynced, "stock sync is switched off for article 1001; switch it on in the ERP to publish its stock"), (switchedOff.Status, switchedOff.Message));
        Assert.Equal((JournalStatus.Failed, "article 1002 has no testsku on connection market-1; import it with the foreign-number CSV"), (unmapped.Status, unmapped.Message));
        Assert.Equal((JournalStatus.Failed, "the ERP's stock source reports no stock for article 1003, so nothing was sent"), (noStock.Status, noStock.Message));
    }

    [Fact]
    public async Task ScheduledRuns_ReasonAlreadyShown_AddNoHistoryLine()
    {
        await using var w = await StockWorld.ProductiveAsync();
        await w.AddAsync(10, StockWorld.Simple("1001", stockSync: false));
        await w.RunAsync();
        var first = await w.EntryAsync("1001");

        w.H.Clock.Advance(Duration.FromMinutes(5));
        await w.RunAsync();

        var again = await w.EntryAsync("1001");
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(2, again.History.Count);
    }

    [Fact]
    public async Task ScheduledRun_ConnectionNotProductive_MappedArticleSaysSo()
    {
        await using var w = await StockWorld.TestPhaseAsync();

        await w.AddAsync(10, StockWorld.Simple("1001"));
        await w.H.Engine.RunDueAsync(default);

        var entry = await w.EntryAsync("1001");
        Assert.Empty(w.Batches);
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Equal(
            "mapped to testsku SKU-1001 on connection market-1; stock not synced yet: connection market-1 is not productive (switch productive mode on, or sync articles by hand from the journal)",
            entry.Message);
    }

    [Fact]
    public async Task ScheduledRun_ProductiveWithStockInTestMode_MappedArticleGivesTheNewReason()
    {
        await using var w = await StockWorld.TestPhaseAsync();
        await w.AddAsync(10, StockWorld.Simple("1001"));
        await w.H.Lifecycle.SetFeatureModeAsync(w.Connection, FeatureKind.Orders, FeatureMode.Integration, Connect.Sdk.Tests.Sync.SyncHarness.User, default);

        var productive = await w.H.Lifecycle.SetProductiveModeAsync(w.Connection, true, Connect.Sdk.Tests.Sync.SyncHarness.User, default);
        await w.H.Engine.RunDueAsync(default);

        Assert.True(productive.Succeeded, productive.ToString());
        Assert.Empty(w.Batches);
        var entry = await w.EntryAsync("1001");
        Assert.Equal(
            "stock not synced yet: stock is in Test mode on connection market-1, not in integration mode (put it into integration mode, or sync articles by hand from the journal)",
            entry.Message);
    }

    [Fact]
    public async Task Import_StockFeatureOff_MappedArticleSaysStockIsOff()
    {
        await using var h = new Connect.Sdk.Tests.Sync.SyncHarness();
        var connection = await h.CreateConnectionAsync("market-1", productive: true, ImportMode.Automatic, FeatureMode.Integration, FeatureKind.Orders);

        await h.AddMappedArticlesAsync(connection, StockWorld.Simple("1001"));

        var entry = await h.Journal.GetAsync(new JournalKey(connection, RecordKind.ArticleStock, "1001"), default);
        Assert.Equal(
            "mapped to testsku SKU-1001 on connection market-1; stock not synced yet: stock is off on connection market-1; switch it on (Test mode to sync articles by hand from the journal, integration mode for the schedule)",
            entry?.Message);
    }

    [Theory]
    [InlineData(FeatureMode.Off, "stock not synced yet: stock is off on connection market-1; switch it on (Test mode to sync articles by hand from the journal, integration mode for the schedule)")]
    [InlineData(FeatureMode.Integration, "stock not synced yet")]
    public async Task SetFeatureMode_StockFromTestMode_MappedArticleGivesTheNewReasonOrNone(FeatureMode mode, string expected)
    {
        await using var w = await ProductiveWithStockInTestModeAsync();

        var changed = await w.H.Lifecycle.SetFeatureModeAsync(w.Connection, FeatureKind.Stock, mode, Connect.Sdk.Tests.Sync.SyncHarness.User, default);

        Assert.True(changed.Succeeded, changed.ToString());
        var entry = await w.EntryAsync("1001");
        Assert.Equal((JournalStatus.NotSynced, expected), (entry.Status, entry.Message));
    }

    private static async Task<StockWorld> ProductiveWithStockInTestModeAsync()
    {
        var w = await StockWorld.TestPhaseAsync();
        await w.AddAsync(10, StockWorld.Simple("1001"));
        await w.H.Lifecycle.SetFeatureModeAsync(w.Connection, FeatureKind.Orders, FeatureMode.Integration, Connect.Sdk.Tests.Sync.SyncHarness.User, default);
        var productive = await w.H.Lifecycle.SetProductiveModeAsync(w.Connection, true, Connect.Sdk.Tests.Sync.SyncHarness.User, default);
        Assert.True(productive.Succeeded, productive.ToString());
        Assert.Contains("stock is in Test mode", (await w.EntryAsync("1001")).Message, StringComparison.Ordinal);
        return w;
    }
}
