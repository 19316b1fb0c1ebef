using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.Stock;

/// <summary>Stock goes out as one STO01 file; the lines its error report (STO03) names fail alone, the others succeed.</summary>
public sealed class MiraklStockFeatureTests
{
    [Fact]
    public async Task StockSync_OneShopSkuUnknownToMirakl_OnlyThatArticleFailsWithMiraklsReason()
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = host.Clock });
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, MiraklTestKeys.Settings(fake.BaseAddress));
        fake.SeedArticle(MiraklOrders.ShopSku("MUG-1"), 0);
        fake.SeedArticle(MiraklOrders.ShopSku("TOWEL-1"), 0);
        await host.AddArticleAsync(connection, new Article("4711", "Mug", ArticleKind.Simple), MiraklOrders.ShopSku("MUG-1"), 7);
        await host.AddArticleAsync(connection, new Article("4712", "Ghost", ArticleKind.Simple), MiraklOrders.ShopSku("GHOST-1"), 3);
        await host.AddArticleAsync(connection, new Article("4713", "Towel", ArticleKind.Simple), MiraklOrders.ShopSku("TOWEL-1"), 2);

        await host.RunDueAsync();

        var journal = (await host.JournalEntriesAsync(connection, RecordKind.ArticleStock)).ToDictionary(e => e.Key.RecordKey);
        Assert.Equal(7, fake.StockOf(MiraklOrders.ShopSku("MUG-1")));
        Assert.Equal(2, fake.StockOf(MiraklOrders.ShopSku("TOWEL-1")));
        Assert.Equal(JournalStatus.Succeeded, journal["4711"].Status);
        Assert.Equal(JournalStatus.Succeeded, journal["4713"].Status);
        Assert.Equal(JournalStatus.Failed, journal["4712"].Status);
        Assert.Contains("The offer with SKU GHOST-1 does not exist", journal["4712"].Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests, r => r.Operation == "offers.stock.import");
    }

    [Fact]
    public async Task StockSync_ErrorReportWithItsColumnsInAnotherOrder_FailsTheArticleItNamesByHeader()
    {
        // The fake's "line-number";"error-message";"offer-sku";"quantity" as "quantity";"error-message";"offer-sku";"line-number".
        var reordered = new ErrorReportRewriteHandler(rows => rows.Select(r => new[] { r[3], r[1], r[2], r[0] }));
        await using var shop = await MiraklTestShop.StartAsync(configure: sdk => sdk.Services.AddHttpClient(MiraklClient.ClientName).AddHttpMessageHandler(() => reordered));
        var (host, fake, connection) = shop;
        fake.SeedArticle(MiraklOrders.ShopSku("TOWEL-1"), 0);
        // Quantity 2 in the report's first column, which read by place would name the mug's line 2.
        await host.AddArticleAsync(connection, new Article("4712", "Ghost", ArticleKind.Simple), MiraklOrders.ShopSku("GHOST-1"), 2);
        await host.AddArticleAsync(connection, new Article("4713", "Towel", ArticleKind.Simple), MiraklOrders.ShopSku("TOWEL-1"), 2);

        await host.RunDueAsync();

        var journal = (await host.JournalEntriesAsync(connection, RecordKind.ArticleStock)).ToDictionary(e => e.Key.RecordKey);
        Assert.Equal(JournalStatus.Failed, journal["4712"].Status);
        Assert.Contains("refused line 3: The offer with SKU GHOST-1 does not exist", journal["4712"].Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.Succeeded, journal["4711"].Status);
        Assert.Equal(JournalStatus.Succeeded, journal["4713"].Status);
    }

    [Fact]
    public async Task StockSync_ErrorReportMissingALineCountedInError_LinesItDoesNotNameAreNotConfirmed()
    {
        var lastRowLost = new ErrorReportRewriteHandler(rows => rows.Take(rows.Count - 1));
        await using var shop = await MiraklTestShop.StartAsync(configure: sdk => sdk.Services.AddHttpClient(MiraklClient.ClientName).AddHttpMessageHandler(() => lastRowLost));
        var (host, _, connection) = shop;
        await host.AddArticleAsync(connection, new Article("4712", "Ghost", ArticleKind.Simple), MiraklOrders.ShopSku("GHOST-1"), 3);
        await host.AddArticleAsync(connection, new Article("4714", "Phantom", ArticleKind.Simple), MiraklOrders.ShopSku("GHOST-2"), 4);

        await host.RunDueAsync();

        var journal = (await host.JournalEntriesAsync(connection, RecordKind.ArticleStock)).ToDictionary(e => e.Key.RecordKey);
        Assert.Contains("The offer with SKU GHOST-1 does not exist", journal["4712"].Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.Failed, journal["4714"].Status);
        Assert.Contains("not confirmed by Mirakl", journal["4714"].Message, StringComparison.Ordinal);
        Assert.Contains("counted 2 line(s) in error, but its error report names 1 of them", journal["4714"].Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.Failed, journal["4711"].Status);
        Assert.Contains("not confirmed by Mirakl", journal["4711"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StockSync_ImportTakesLongerThanAPoll_WaitsOnFakeTimeThenSucceeds()
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = new Connect.Sdk.Amazon.Tests.TestDoubles.TimeProviderClock(host.Time) });
        fake.ImportProcessingTime = Duration.FromSeconds(12);
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, MiraklTestKeys.Settings(fake.BaseAddress));
        fake.SeedArticle(MiraklOrders.ShopSku("MUG-1"), 0);
        await host.AddArticleAsync(connection, new Article("4711", "Mug", ArticleKind.Simple), MiraklOrders.ShopSku("MUG-1"), 7);

        await host.RunForAsync(Duration.FromMinutes(5));

        Assert.Equal(7, fake.StockOf(MiraklOrders.ShopSku("MUG-1")));
        Assert.Equal(JournalStatus.Succeeded, Assert.Single(await host.JournalEntriesAsync(connection, RecordKind.ArticleStock)).Status);
        Assert.True(fake.Requests.Count(r => r.Operation == "offers.stock.import.status") >= 3);
    }
}
