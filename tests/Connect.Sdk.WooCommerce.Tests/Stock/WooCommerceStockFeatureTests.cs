using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Stock;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Stock;

public sealed class WooCommerceStockFeatureTests
{
    [Fact]
    public async Task PushStock_ProductsAndVariations_GoThroughTheirBatchRoutesWithManageStock()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        var variation = new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M");
        shop.Fake.SeedVariation(variation, 2, "SHIRT");
        await shop.Host.AddArticleAsync(shop.Connection, new Article("SHIRT-M", "Shirt M", ArticleKind.Variant, "SHIRT"), variation, 5);

        await shop.Host.RunDueAsync();

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(5, shop.Fake.StockOf(variation));
        var parent = shop.Fake.Products().Single(p => (string?)p["sku"] == "SHIRT");
        Assert.Contains(shop.Fake.Requests, r => r.Operation == "variations.batch" && r.PathAndQuery.EndsWith($"/products/{(long)parent["id"]!}/variations/batch", StringComparison.Ordinal));
        Assert.Contains(shop.Fake.Requests, r => r.Operation == "products.batch");
    }

    [Fact]
    public async Task PushStock_SkuTheShopDoesNotKnow_FailsThatRecordOnly()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        await shop.Host.AddArticleAsync(shop.Connection, new Article(Article(2), "Article 2", ArticleKind.Simple), Sku(2), 4);

        await shop.Host.RunDueAsync();

        var unknown = await shop.JournalAsync(RecordKind.ArticleStock, Article(2));
        Assert.Equal(JournalStatus.Failed, unknown.Status);
        Assert.Contains("WooCommerce has no product or variation with SKU SKU-2", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, Article(1))).Status);
        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
    }

    [Fact]
    public async Task PushStock_Again_UsesTheCachedIdWithoutLookingTheSkuUpAgain()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        await shop.Host.RunDueAsync();

        shop.Host.Stock.Set(Article(1), 2);
        await shop.Host.StockSync.NotifyStockChangedAsync([Article(1)], CancellationToken.None);
        await shop.Host.RunDueAsync();

        Assert.Equal(2, shop.Fake.StockOf(Sku(1)));
        Assert.Single(shop.Fake.Requests, r => r.Operation == "products.list");
        Assert.True(shop.Fake.Requests.Count(r => r.Operation == "products.batch") >= 2, "both syncs sent a batch");
    }

    [Fact]
    public async Task PushStock_ForeignNumberWithAnotherLabel_FailsNamingTheArticle()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Stock]);
        var context = await shop.Host.ContextOfAsync(shop.Connection);
        var stock = shop.Host.Get<Connect.Sdk.Connectors.ConnectorRegistry>().Get(WooCommerceConnector.Id).Features.OfType<IStockFeature>().Single();

        var result = await stock.PushStockAsync(context, [new StockUpdate("ART-9", new ForeignNumber(ForeignNumberLabel.SkuFbm, "X"), 1)], CancellationToken.None);

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("Article ART-9", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation.Contains("batch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushStock_WithRequestsPerSecond_PacesTheStoresCalls()
    {
        await using var shop = await StartAsync(requestsPerSecond: "0.5", features: [FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);
        var before = shop.Time.Skipped.Count;

        await shop.Host.RunDueAsync();

        // A budget of one request every two seconds: the batch after the SKU lookup waits for its turn.
        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Contains(shop.Time.Skipped.Skip(before), w => w > TimeSpan.FromSeconds(1) && w <= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task PushStock_WithoutRequestsPerSecond_NeverWaits()
    {
        await using var shop = await StartAsync(features: [FeatureKind.Stock]);
        await shop.MapArticleAsync(1, 3, 7);

        await shop.Host.RunDueAsync();

        Assert.Equal(7, shop.Fake.StockOf(Sku(1)));
        Assert.Empty(shop.Time.Skipped);
    }
}
