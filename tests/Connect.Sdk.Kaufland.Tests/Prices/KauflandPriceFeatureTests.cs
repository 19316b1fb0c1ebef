using System.Text.Json;
using Connect.Sdk.Features;
using Connect.Sdk.Kaufland.Prices;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Fakes;

namespace Connect.Sdk.Kaufland.Tests.Prices;

/// <summary>Listing prices in integer cents of the storefront's currency, gross, never rounded or converted.</summary>
public sealed class KauflandPriceFeatureTests
{
    private static readonly ForeignNumber Unit = new(ForeignNumberLabel.ApiUnitId, "400000001");
    private static readonly CurrencyCode Czk = new("CZK");

    [Fact]
    public void TryListingPrice_GettingStartedExample_45Euro50Is4550Cents()
    {
        // Kaufland's Getting Started offer (Samples/units_post_getting_started.json): "listing_price": 4550 for 45.50 EUR.
        using var published = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "units_post_getting_started.json")));
        Assert.True(KauflandSettings.TryRead(new Connect.Sdk.Settings.ConnectionSettings([KeyValuePair.Create("storefront", "de"), KeyValuePair.Create("userAgent", "ERP")], []), out var settings, out _));

        Assert.True(KauflandPriceFeature.TryListingPrice(new PriceUpdate("ART-1", Unit, new Money(45.50m, CurrencyCode.Eur)), settings, out var cents, out var problem), problem);

        Assert.Equal(published.RootElement.GetProperty("listing_price").GetInt64(), cents);
    }

    [Fact]
    public async Task PushPrices_PriceNotWholeCents_RefusedNamingItAndNothingSent()
    {
        await using var seller = await StartAsync("de");

        var record = await PushAsync(seller, new PriceUpdate("ART-1", Unit, new Money(12.345m, CurrencyCode.Eur)));

        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("Article ART-1 (unit 400000001)", record.Message, StringComparison.Ordinal);
        Assert.Contains("not a whole number of cents", record.Message, StringComparison.Ordinal);
        Assert.Equal(new FakePrice(new Money(19.99m, CurrencyCode.Eur), null), seller.Fake.PriceOf(Unit));
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == "units.update");
    }

    [Fact]
    public async Task PushPrices_NetPrice_RefusedAsKauflandTakesGross()
    {
        await using var seller = await StartAsync("de");

        var record = await PushAsync(seller, new PriceUpdate("ART-1", Unit, new Money(10.00m, CurrencyCode.Eur)) { Basis = PriceBasis.Net });

        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("is net, but Kaufland takes listing prices gross", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == "units.update");
    }

    [Fact]
    public async Task PushPrices_CzkOnTheCzechStorefront_SentAsIntegerHalere()
    {
        await using var seller = await StartAsync("cz");

        var record = await PushAsync(seller, new PriceUpdate("ART-1", Unit, new Money(1234.50m, Czk)));

        Assert.Equal(RecordOutcome.Succeeded, record.Outcome);
        Assert.Equal(new FakePrice(new Money(1234.50m, Czk), null), seller.Fake.PriceOf(Unit));
    }

    [Fact]
    public async Task PushPrices_EurOnTheCzechStorefront_RefusedAndNeverConverted()
    {
        await using var seller = await StartAsync("cz");

        var record = await PushAsync(seller, new PriceUpdate("ART-1", Unit, new Money(49.90m, CurrencyCode.Eur)));

        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains("not in the currency of storefront cz, CZK", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == "units.update");
    }

    [Fact]
    public async Task PushPrices_WithCompareAtPrice_PriceSentAndCompareAtReportedAsWarning()
    {
        await using var seller = await StartAsync("de");

        var record = await PushAsync(seller, new PriceUpdate("ART-1", Unit, new Money(39.90m, CurrencyCode.Eur), new Money(49.90m, CurrencyCode.Eur)));

        Assert.Equal(RecordOutcome.Warning, record.Outcome);
        Assert.Contains("compare-at price not published on Kaufland", record.Message, StringComparison.Ordinal);
        Assert.Equal(new FakePrice(new Money(39.90m, CurrencyCode.Eur), null), seller.Fake.PriceOf(Unit));
    }

    private static async Task<KauflandTestSeller> StartAsync(string storefront)
    {
        var seller = await KauflandTestSeller.StartAsync(storefront);
        seller.Fake.SeedArticle(Unit, 1);
        return seller;
    }

    private static async Task<RecordResult> PushAsync(KauflandTestSeller seller, PriceUpdate update)
    {
        var result = await seller.DriveAsync(async () => await seller.Feature<IPriceFeature>().PushPricesAsync(seller.Context, [update], CancellationToken.None));
        return Assert.Single(result.Records);
    }
}
