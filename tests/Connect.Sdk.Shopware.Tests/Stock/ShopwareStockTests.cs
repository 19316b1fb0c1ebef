using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Shopware.Tests.Stock;

/// <summary>Stock under the identity rule: found by product number in one search, written through the sync API.</summary>
public sealed class ShopwareStockTests
{
    [Fact]
    public async Task StockSync_IdentityRule_WritesByProductNumberWithoutForeignNumbers()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        shop.AddArticle("MUG-1", erpStock: 7);
        shop.AddArticle("SHIRT-M", erpStock: 3);
        shop.AddArticle("NOT-IN-SHOP", erpStock: 5, shopStock: null);

        await shop.Host.RunDueAsync();

        Assert.Equal(7, shop.Fake.StockOf(ShopwareTestShop.Number("MUG-1")));
        Assert.Equal(3, shop.Fake.StockOf(ShopwareTestShop.Number("SHIRT-M")));
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.ArticleStock, "MUG-1"))?.Status);
        var missing = await shop.JournalAsync(RecordKind.ArticleStock, "NOT-IN-SHOP");
        Assert.Equal(JournalStatus.Failed, missing?.Status);
        Assert.Contains("no product or variant with product number NOT-IN-SHOP", missing!.Message, StringComparison.Ordinal);

        // One search for the whole batch, not one per article.
        Assert.Single(shop.Fake.Requests, r => r.Operation == "product.search");
    }

    [Fact]
    public async Task StockSync_ShopRefusesOneRecord_ItFailsAloneAndTheOthersAreWritten()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        shop.AddArticle("A-1", erpStock: 1);
        shop.AddArticle("A-2", erpStock: 2);
        shop.AddArticle("A-3", erpStock: 3);

        // Shopware writes a sync request in one transaction: the fake refuses the first record, so nothing is written.
        shop.Fake.Faults.Next(FaultKind.PartialBatchFailure, operation: "sync");
        await shop.Host.RunDueAsync();

        var refused = (await shop.Host.JournalEntriesAsync(shop.Connection, RecordKind.ArticleStock)).Where(e => e.Status == JournalStatus.Failed).ToArray();
        var failed = Assert.Single(refused);
        Assert.Contains("Shopware refused it", failed.Message, StringComparison.Ordinal);
        Assert.Contains("/0/0/stock", failed.Message, StringComparison.Ordinal);
        var written = new[] { "A-1", "A-2", "A-3" }.Where(a => a != failed.Key.RecordKey).ToArray();
        Assert.All(written, a => Assert.Equal(int.Parse(a[2..], System.Globalization.CultureInfo.InvariantCulture), shop.Fake.StockOf(ShopwareTestShop.Number(a))));
        Assert.Equal(2, shop.Fake.Requests.Count(r => r.Operation == "sync"));
    }
}
