using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Tests.Stock;

/// <summary>Stock runs of a connector under the identity rule (as Shopware): no foreign numbers are stored.</summary>
public sealed class IdentityRuleStockTests
{
    [Fact]
    public async Task ScheduledRun_IdentityRule_SendsStockSyncedArticlesUnderTheirOwnNumbers()
    {
        await using var h = new SyncHarness(s => s.AddConnectSdk().ConfigureForeignNumberRules(r => r
            .Without(TestMarketplace.Id)
            .WithIdentity(TestMarketplace.Id, "the ERP article number is the marketplace's number")));
        var connection = await h.CreateProductiveConnectionAsync("shop-1", FeatureKind.Stock);
        h.Articles.Add(
            new Article("1001", "Mug", ArticleKind.Simple) { StockSyncEnabled = true },
            new Article("1002", "Plate", ArticleKind.Simple),
            new Article("M1", "Shirt", ArticleKind.MatrixParent) { StockSyncEnabled = true },
            new Article("M1-S", "Shirt S", ArticleKind.Variant, "M1") { StockSyncEnabled = true });
        h.StockSource.Set("1001", 7).Set("1002", 3).Set("M1-S", 2);

        var result = await h.Engine.RunAsync(new WorkItem(connection, WorkKind.StockSync, SyncTrigger.Scheduled, SyncHarness.Start), default);

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        var sent = h.Market.StockCalls.SelectMany(c => c).ToArray();
        Assert.Equal(["1001", "M1-S"], sent.Select(u => u.ForeignNumber.Value).Order(StringComparer.Ordinal));
        Assert.All(sent, u => Assert.Equal(ForeignNumberLabel.ArticleNumber, u.ForeignNumber.Label));
        Assert.Equal(7, h.Market.Stock["1001"]);
    }
}
