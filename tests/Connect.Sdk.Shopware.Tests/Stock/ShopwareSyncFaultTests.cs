using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Shopware.Tests.Stock;

/// <summary>A sync request that fails on the way: retried because its values are absolute, and faults aimed at one feature's writes only.</summary>
public sealed class ShopwareSyncFaultTests
{
    [Fact]
    public async Task PushStock_ConnectionDroppedOnce_SentAgainAndWritten()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Stock);
        shop.AddArticle("MUG-1", erpStock: 0);
        shop.Fake.Faults.Next(FaultKind.DroppedConnection, operation: "sync.stock");

        var push = Feature<IStockFeature>(shop).PushStockAsync(await shop.Host.ContextOfAsync(shop.Connection), [new StockUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), 9)], CancellationToken.None).AsTask();
        await shop.Host.Time.DriveAsync(push, TimeSpan.FromMinutes(5));
        var result = await push;

        Assert.True(result.AllSucceeded, string.Join("; ", result.Records.Select(r => r.Message)));
        Assert.Equal(9, shop.Fake.StockOf(ShopwareTestShop.Number("MUG-1")));
        Assert.Equal([0, 200], shop.Fake.Requests.Where(r => r.Operation == "sync").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Faults_AimedAtStockWrites_PriceWritesUntouched()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: [FeatureKind.Stock, FeatureKind.Prices]);
        shop.AddArticle("MUG-1", erpStock: 0);
        shop.Fake.Faults.Next(FaultKind.ServiceUnavailable, operation: "sync.stock");
        var context = await shop.Host.ContextOfAsync(shop.Connection);

        await Feature<IPriceFeature>(shop).PushPricesAsync(context, [new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(24.99m, CurrencyCode.Eur))], CancellationToken.None);
        // The 503 is retried after a back-off on the host's fake time, which the drive moves on.
        var stock = Feature<IStockFeature>(shop).PushStockAsync(context, [new StockUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), 9)], CancellationToken.None).AsTask();
        await shop.Host.Time.DriveAsync(stock, TimeSpan.FromMinutes(5));
        await stock;

        Assert.Equal([200, 503, 200], shop.Fake.Requests.Where(r => r.Operation == "sync").Select(r => r.StatusCode));
        Assert.Equal(9, shop.Fake.StockOf(ShopwareTestShop.Number("MUG-1")));
    }

    private static T Feature<T>(ShopwareTestShop shop) => shop.Host.Get<ConnectorRegistry>().Get(ShopwareConnector.Id).Features.OfType<T>().Single();
}
