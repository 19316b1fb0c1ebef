using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes.Ebay;
using static Connect.Sdk.Ebay.Tests.TestSupport.EbayTestSeller;

namespace Connect.Sdk.Ebay.Tests.Prices;

public sealed class EbayPriceFeatureTests
{
    [Fact]
    public async Task PushPrices_GrossEuroPrices_SetEachOffersPrice_InOneBulkCall()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Prices]);
        seller.Fake.SeedArticle(Sku(1), 3);
        seller.Fake.SeedArticle(Sku(2), 3);
        var (context, prices) = await FeatureAsync(seller);

        var result = await prices.PushPricesAsync(context, [Gross(1, 24.90m), Gross(2, 9.99m)], CancellationToken.None);

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.Equal(24.90m, seller.Fake.PriceOf(Sku(1))!.Price.Amount);
        Assert.Equal(9.99m, seller.Fake.PriceOf(Sku(2))!.Price.Amount);
        Assert.Single(seller.Fake.Requests, r => r.Operation == EbayOperations.BulkUpdatePriceQuantity);
    }

    [Fact]
    public async Task PushPrices_CompareAtPrice_SetsThePrice_AndWarnsTheCompareAtPriceIsNotPublished()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Prices]);
        seller.Fake.SeedArticle(Sku(1), 3);
        var (context, prices) = await FeatureAsync(seller);

        var result = await prices.PushPricesAsync(context, [Gross(1, 24.90m) with { CompareAtPrice = new Money(29.90m, CurrencyCode.Eur) }], CancellationToken.None);

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Warning, record.Outcome);
        Assert.Contains("compare-at price not published on eBay", record.Message, StringComparison.Ordinal);
        Assert.Equal(24.90m, seller.Fake.PriceOf(Sku(1))!.Price.Amount);
    }

    [Fact]
    public async Task PushPrices_NetPriceOrAnotherCurrency_RefusedForThatRecord_NothingSent()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Prices]);
        seller.Fake.SeedArticle(Sku(1), 3);
        seller.Fake.SeedArticle(Sku(2), 3);
        var (context, prices) = await FeatureAsync(seller);

        var result = await prices.PushPricesAsync(context, [Gross(1, 20.92m) with { Basis = PriceBasis.Net }, new PriceUpdate(Article(2), Sku(2), new Money(24.90m, CurrencyCode.Usd))], CancellationToken.None);

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Failed, r.Outcome));
        Assert.Contains("is net, but eBay marketplace EBAY_DE takes prices gross", result.Records[0].Message, StringComparison.Ordinal);
        Assert.Contains("is in USD, but eBay marketplace EBAY_DE sells in EUR", result.Records[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == EbayOperations.BulkUpdatePriceQuantity);
        Assert.Equal(19.99m, seller.Fake.PriceOf(Sku(1))!.Price.Amount);
    }

    private static PriceUpdate Gross(int index, decimal amount) => new(Article(index), Sku(index), new Money(amount, CurrencyCode.Eur));

    private static async Task<(ConnectionContext Context, IPriceFeature Prices)> FeatureAsync(EbayTestSeller seller) =>
        (await seller.Host.ContextOfAsync(seller.Connection),
         seller.Host.Get<ConnectorRegistry>().Get(EbayConnector.Id).Features.OfType<IPriceFeature>().Single());
}
