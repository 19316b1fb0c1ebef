using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Shopware.Tests.TestSupport;

namespace Connect.Sdk.Shopware.Tests.Prices;

/// <summary>
/// Prices as the product's <c>price</c> entry of the default currency: the amount on the shop's basis as sent, the other
/// derived with the product's tax rate, the compare-at price as <c>listPrice</c>; another currency or basis refused.
/// </summary>
public sealed class ShopwarePriceTests
{
    [Fact]
    public async Task PushPrices_GrossShop_GrossAsSentNetDerivedAndListPriceSet()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Prices);
        shop.AddArticle("MUG-1", erpStock: 1);

        var result = await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(24.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)) { Basis = PriceBasis.Gross });

        Assert.True(result.AllSucceeded, string.Join("; ", result.Records.Select(r => r.Message)));
        var price = shop.Fake.Product("MUG-1")!["price"]![0]!.AsObject();
        Assert.Equal(("b7d2554b0ce847cd82f3ac9bd1c0dfca", 24.99m, 21.00m, true), ((string?)price["currencyId"], (decimal)price["gross"]!, (decimal)price["net"]!, (bool)price["linked"]!));
        Assert.Equal((29.99m, 25.20m), ((decimal)price["listPrice"]!["gross"]!, (decimal)price["listPrice"]!["net"]!));
    }

    [Fact]
    public async Task PushPrices_NoCompareAtPrice_ListPriceCleared()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Prices);
        shop.AddArticle("MUG-1", erpStock: 1);
        await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(24.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)));

        await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(22.99m, CurrencyCode.Eur)));

        Assert.Null(shop.Fake.PriceOf(ShopwareTestShop.Number("MUG-1"))!.CompareAtPrice);
    }

    [Fact]
    public async Task PushPrices_NetPriceForAGrossShop_RefusedAndNothingSent()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Prices);
        shop.AddArticle("MUG-1", erpStock: 1);
        var before = shop.Fake.PriceOf(ShopwareTestShop.Number("MUG-1"));

        var result = await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(21.00m, CurrencyCode.Eur)) { Basis = PriceBasis.Net });

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Equal("Article MUG-1: the price is net, but the shop takes prices gross (its Standard customer group's displayGross is true); prices are never converted.", record.Message);
        Assert.Equal(before, shop.Fake.PriceOf(ShopwareTestShop.Number("MUG-1")));
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "sync");
    }

    [Fact]
    public async Task PushPrices_NetShop_NetAsSentGrossDerived()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Prices);
        shop.Fake.DisplayGross = false;
        shop.AddArticle("MUG-1", erpStock: 1);

        await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(21.00m, CurrencyCode.Eur)) { Basis = PriceBasis.Net });

        var price = shop.Fake.Product("MUG-1")!["price"]![0]!.AsObject();
        Assert.Equal((21.00m, 24.99m), ((decimal)price["net"]!, (decimal)price["gross"]!));
    }

    [Fact]
    public async Task PushPrices_OtherCurrency_Refused()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: FeatureKind.Prices);
        shop.AddArticle("MUG-1", erpStock: 1);

        var result = await PushAsync(shop, new PriceUpdate("MUG-1", ShopwareTestShop.Number("MUG-1"), new Money(24.99m, CurrencyCode.Usd)));

        Assert.Equal("Article MUG-1: the price is in USD, but the Shopware shop's default currency is EUR; prices are never converted.", Assert.Single(result.Records).Message);
    }

    private static async Task<BatchResult> PushAsync(ShopwareTestShop shop, params PriceUpdate[] updates)
    {
        var feature = shop.Host.Get<ConnectorRegistry>().Get(ShopwareConnector.Id).Features.OfType<IPriceFeature>().Single();
        return await feature.PushPricesAsync(await shop.Host.ContextOfAsync(shop.Connection), updates, CancellationToken.None);
    }
}
