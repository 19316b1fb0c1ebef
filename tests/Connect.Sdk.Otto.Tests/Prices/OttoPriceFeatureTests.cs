using Connect.Sdk.Features;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes;

namespace Connect.Sdk.Otto.Tests.Prices;

public sealed class OttoPriceFeatureTests
{
    [Fact]
    public async Task PushPrices_GrossEurosWithCompareAt_StandardPriceAndMsrpSent()
    {
        var transport = new RecordingTransport("/v4/products/prices");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 1);

        var result = await Push(otto, new PriceUpdate(OttoTestMarket.Article(1), OttoTestMarket.Sku(1), Eur(24.90m), Eur(29.95m)));

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        Assert.Equal("""[{"sku":"SKU-1","standardPrice":{"amount":24.90,"currency":"EUR"},"msrp":{"amount":29.95,"currency":"EUR"}}]""", Assert.Single(transport.Bodies));
        Assert.Equal(new FakePrice(Eur(24.90m), Eur(29.95m)), otto.Fake.PriceOf(OttoTestMarket.Sku(1)));
    }

    [Fact]
    public async Task PushPrices_NetPrice_RefusedForItsArticleNeverConvertedAndTheOthersSent()
    {
        var transport = new RecordingTransport("/v4/products/prices");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 1);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(2), 1);

        var result = await Push(
            otto,
            new PriceUpdate(OttoTestMarket.Article(1), OttoTestMarket.Sku(1), Eur(20.92m)) { Basis = PriceBasis.Net },
            new PriceUpdate(OttoTestMarket.Article(2), OttoTestMarket.Sku(2), Eur(24.90m)));

        Assert.Equal(RecordOutcome.Failed, result.Records[0].Outcome);
        Assert.Equal("Article ART-1 (SKU SKU-1): the price 20.92 EUR is net, but OTTO Market takes prices gross (standardPrice is what the customer pays); prices are never converted.", result.Records[0].Message);
        Assert.Equal(RecordOutcome.Succeeded, result.Records[1].Outcome);
        Assert.DoesNotContain("SKU-1", Assert.Single(transport.Bodies), StringComparison.Ordinal);
        Assert.Null(otto.Fake.PriceOf(OttoTestMarket.Sku(1)));
    }

    [Theory]
    [InlineData("USD", "24.90", "is not in EUR, the currency OTTO Market sells in; prices are never converted")]
    [InlineData("EUR", "24.905", "is not an amount in euros and cents")]
    public async Task PushPrices_PriceOttoCannotTake_RefusedAndNothingSent(string currency, string amount, string why)
    {
        var transport = new RecordingTransport("/v4/products/prices");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 1);

        var price = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), new CurrencyCode(currency));
        var result = await Push(otto, new PriceUpdate(OttoTestMarket.Article(1), OttoTestMarket.Sku(1), price));

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains(why, record.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Bodies);
    }

    private static Money Eur(decimal amount) => new(amount, CurrencyCode.Eur);

    private static async Task<BatchResult> Push(OttoDirect otto, params PriceUpdate[] updates) =>
        await otto.Feature<IPriceFeature>().PushPricesAsync(otto.Context, updates, CancellationToken.None);
}
