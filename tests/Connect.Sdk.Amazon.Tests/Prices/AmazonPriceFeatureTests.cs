using System.Text.Json.Nodes;
using Connect.Sdk.Amazon.Prices;
using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Amazon.Tests.Prices;

/// <summary>
/// Offer prices through patchListingsItem's purchasable_offer against the fake: the documented body, FBM and FBA SKUs,
/// compare-at reported, currency refused, per-record answers, batches, retries and cancellation.
/// </summary>
public sealed class AmazonPriceFeatureTests : IAsyncDisposable
{
    private const string AmazonUk = "A1F83G8C2ARO7P";
    private const string AmazonFrance = "A13V1IB3VIYZZH";
    private const string AmazonItaly = "APJ6JRA9NG5V4";
    private const string AmazonUs = "ATVPDKIKX0DER";
    private static readonly CurrencyCode Gbp = new("GBP");

    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly AmazonSellingPartnerFake _amazon;
    private ServiceProvider _services;

    public AmazonPriceFeatureTests()
    {
        _amazon = AmazonTestAccount.StartFake(_time);
        _services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time);
    }

    private IPriceFeature Feature => _services.Connector().Features.OfType<IPriceFeature>().Single();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _amazon.DisposeAsync();
    }

    [Fact]
    public void PatchBody_EuroPrice_IsTheDocumentedMergeOfTheConsumerOfferInTheMinorUnit()
    {
        var body = AmazonPriceFeature.PatchBody(AmazonTestAccount.Marketplace, Eur(19.9m));

        Assert.Equal(
            """{"productType":"PRODUCT","patches":[{"op":"merge","path":"/attributes/purchasable_offer","value":["""
            + """{"marketplace_id":"A1PN6IFQEWUF5Q","currency":"EUR","audience":"ALL","our_price":[{"schedule":[{"value_with_tax":19.90}]}]}]}]}""",
            body);
    }

    [Fact]
    public void PatchBody_Yen_HasNoDecimals()
    {
        var body = AmazonPriceFeature.PatchBody("A1VC38T7YXB528", new Money(1500m, new CurrencyCode("JPY")));

        Assert.Contains("\"value_with_tax\":1500}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushPrices_FbmAndFbaSkus_BothPricedOnAmazon()
    {
        // Variants and simple articles alike are seller SKUs on Amazon; FBA or FBM changes who ships, not who prices.
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fba("MUG-RED"), 40);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 24.90m), Update("ART-2", Fba("MUG-RED"), 12.50m)]);

        Assert.Equal([RecordResult.Success("ART-1"), RecordResult.Success("ART-2")], result.Records);
        Assert.Equal(new FakePrice(Eur(24.90m), null), _amazon.PriceOf(Fbm("MUG-BLUE")));
        Assert.Equal(new FakePrice(Eur(12.50m), null), _amazon.PriceOf(Fba("MUG-RED")));
    }

    [Fact]
    public async Task PushPrices_WithCompareAt_PriceSentAndRecordWarnsThatTheCompareAtIsNotPublished()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);

        var result = Assert.Single((await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 19.99m, compareAt: 24.99m)])).Records);

        Assert.Equal(RecordOutcome.Warning, result.Outcome);
        Assert.Contains("compare-at price not published on Amazon: 24.99 EUR", result.Message, StringComparison.Ordinal);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
        Assert.Null(_amazon.PriceOf(Fbm("MUG-BLUE"))!.CompareAtPrice);
    }

    [Fact]
    public async Task PushPrices_CompareAtCleared_Succeeds()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 17.00m)]);

        Assert.Equal(RecordResult.Success("ART-1"), Assert.Single(result.Records));
        Assert.Equal(Eur(17.00m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public async Task PushPrices_PriceInAnotherCurrency_ThatRecordRefusedNamingBoth_NothingSentForIt()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fbm("MUG-GREEN"), 3);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m), new PriceUpdate("ART-2", Fbm("MUG-GREEN"), new Money(18.00m, Gbp))]);

        Assert.Equal(RecordResult.Success("ART-1"), result.Records[0]);
        Assert.Equal(RecordOutcome.Failed, result.Records[1].Outcome);
        Assert.Equal(
            "Price 18.00 GBP of article ART-2 (SKU MUG-GREEN) is in GBP, but Amazon marketplace A1PN6IFQEWUF5Q (Germany) sells in EUR; prices are never converted.",
            result.Records[1].Message);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-GREEN"))!.Price);
        Assert.DoesNotContain(_amazon.Requests, r => r.PathAndQuery.Contains("MUG-GREEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushPrices_ConnectionOnMarketplacesOfTwoCurrencies_EveryRecordRefusedNamingThem()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m)], $"{AmazonTestAccount.Marketplace},{AmazonUk}");

        var record = Assert.Single(result.Records);
        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains($"in 2 countries: Germany ({AmazonTestAccount.Marketplace}, EUR), United Kingdom ({AmazonUk}, GBP)", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_amazon.Requests, r => r.Operation == AmazonOperations.PatchListingsItem);
    }

    [Fact]
    public async Task PushPrices_ConnectionOnGermanyFranceAndItaly_EveryRecordRefusedSayingOneConnectionPerCountry_NothingSent()
    {
        // One euro gross price computed with the article's one VAT rate (19 % in Germany) would be published where VAT is
        // 20 % (France) and 22 % (Italy): the connector refuses rather than publish a wrong gross price anywhere.
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fbm("MUG-GREEN"), 3);

        var result = await PushAsync(
            [Update("ART-1", Fbm("MUG-BLUE"), 21.00m), Update("ART-2", Fbm("MUG-GREEN"), 18.00m)],
            $"{AmazonTestAccount.Marketplace},{AmazonFrance},{AmazonItaly}");

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Failed, r.Outcome));
        Assert.Equal(
            $"Price 21.00 EUR of article ART-1 (SKU MUG-BLUE) is not sent: the connection's Amazon marketplaces are in 3 countries: Germany ({AmazonTestAccount.Marketplace}, EUR), "
            + $"France ({AmazonFrance}, EUR), Italy ({AmazonItaly}, EUR); VAT and currency differ per country, so one computed price would be wrong in all but one of them; "
            + $"use one connection per country (one id in the setting '{AmazonConnector.MarketplaceIdsKey}').",
            result.Records[0].Message);
        Assert.DoesNotContain(_amazon.Requests, r => r.Operation == AmazonOperations.PatchListingsItem);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public async Task PushPrices_NetPriceOnAmazonDe_ThatRecordRefusedAsGrossMarketplace_NothingSentForIt()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fbm("MUG-GREEN"), 3);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m), Update("ART-2", Fbm("MUG-GREEN"), 16.81m) with { Basis = PriceBasis.Net }]);

        Assert.Equal(RecordResult.Success("ART-1"), result.Records[0]);
        Assert.Equal(
            RecordResult.Failure("ART-2", "Price 16.81 EUR of article ART-2 (SKU MUG-GREEN) is net, but Amazon marketplace A1PN6IFQEWUF5Q (Germany) takes prices gross (our_price value_with_tax includes VAT in Germany); prices are never converted."),
            result.Records[1]);
        Assert.Equal(PriceBasis.Gross, _amazon.Basis);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-GREEN"))!.Price);
        Assert.DoesNotContain(_amazon.Requests, r => r.PathAndQuery.Contains("MUG-GREEN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PriceBasis.Net, true)]
    [InlineData(PriceBasis.Gross, false)]
    public async Task PushPrices_OnAmazonCom_OnlyANetPriceIsSent(PriceBasis basis, bool sent)
    {
        await using var us = AmazonSellingPartnerFake.Start(AmazonTestAccount.Credentials, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time), DelayTime = _time }, AmazonUs);
        us.SeedArticle(Fbm("MUG-BLUE"), 3);
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(us).Set(AmazonConnector.MarketplaceIdsKey, AmazonUs));
        var usd = new CurrencyCode("USD");

        var result = await Feature.PushPricesAsync(context, [new PriceUpdate("ART-1", Fbm("MUG-BLUE"), new Money(14.99m, usd)) { Basis = basis }], CancellationToken.None);

        Assert.Equal(PriceBasis.Net, us.Basis);
        Assert.Equal(sent ? RecordOutcome.Succeeded : RecordOutcome.Failed, Assert.Single(result.Records).Outcome);
        Assert.Equal(new Money(sent ? 14.99m : 19.99m, usd), us.PriceOf(Fbm("MUG-BLUE"))!.Price);
        if (!sent)
        {
            Assert.Contains("is gross, but Amazon marketplace ATVPDKIKX0DER (United States) takes prices net (our_price value_with_tax excludes the sales tax Amazon adds at checkout in United States); prices are never converted.", result.Records[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PushPrices_PoundsOnAmazonUk_Accepted()
    {
        await using var uk = AmazonSellingPartnerFake.Start(AmazonTestAccount.Credentials, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time), DelayTime = _time }, AmazonUk);
        uk.SeedArticle(Fbm("MUG-BLUE"), 3);
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(uk).Set(AmazonConnector.MarketplaceIdsKey, AmazonUk));

        var result = await Feature.PushPricesAsync(context, [new PriceUpdate("ART-1", Fbm("MUG-BLUE"), new Money(15.49m, Gbp))], CancellationToken.None);

        Assert.Equal(RecordResult.Success("ART-1"), Assert.Single(result.Records));
        Assert.Equal(Gbp, uk.Currency);
        Assert.Equal(new Money(15.49m, Gbp), uk.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public async Task PushPrices_FullBatch_EveryRecordPriced()
    {
        var updates = Enumerable.Range(1, Feature.MaxBatchSize).Select(i => Update($"ART-{i}", Fbm($"MUG-{i}"), 10m + i)).ToArray();
        foreach (var update in updates)
        {
            _amazon.SeedArticle(update.ForeignNumber, 1);
        }

        var result = await PushAsync(updates);

        Assert.Equal(20, Feature.MaxBatchSize);
        Assert.Equal(updates.Select(u => RecordResult.Success(u.ArticleNumber)), result.Records);
        Assert.All(updates, u => Assert.Equal(u.Price, _amazon.PriceOf(u.ForeignNumber)!.Price));
    }

    [Fact]
    public async Task PushPrices_UnlistedSkuAndBadAmounts_ExactlyThoseFail()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fbm("MUG-GREEN"), 3);

        var result = await PushAsync(
        [
            Update("ART-1", Fbm("MUG-BLUE"), 21.00m),
            Update("ART-2", Fbm("MUG-GONE"), 21.00m),
            Update("ART-3", Fbm("MUG-GREEN"), 21.005m),
            Update("ART-4", new ForeignNumber(ForeignNumberLabel.Sku, "MUG-PLAIN"), 21.00m),
        ]);

        Assert.Equal(RecordResult.Success("ART-1"), result.Records[0]);
        Assert.Contains("does not list SKU MUG-GONE", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Contains("has more decimals than EUR has (2)", result.Records[2].Message, StringComparison.Ordinal);
        Assert.Contains("needs a seller SKU (SKU_FBM or SKU_FBA)", result.Records[3].Message, StringComparison.Ordinal);
        Assert.All(result.Records.Skip(1), r => Assert.Equal(RecordOutcome.Failed, r.Outcome));
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-GREEN"))!.Price);
    }

    [Fact]
    public async Task PushPrices_AmazonAnswersInvalid_ThatRecordFailsWithAmazonsIssue()
    {
        await UseTransportAsync(new AnswerRewritingTransport(AmazonOperations.PatchListingsItem, body =>
        {
            body["status"] = "INVALID";
            body["issues"] = new JsonArray(new JsonObject { ["code"] = "8541", ["message"] = "The price is outside the allowed range.", ["severity"] = "ERROR", ["attributeNames"] = new JsonArray("purchasable_offer") });
        }, "MUG-GREEN"));
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.SeedArticle(Fbm("MUG-GREEN"), 3);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m), Update("ART-2", Fbm("MUG-GREEN"), 9999.00m)]);

        Assert.Equal(RecordResult.Success("ART-1"), result.Records[0]);
        Assert.Equal(RecordOutcome.Failed, result.Records[1].Outcome);
        Assert.Equal(
            "Amazon rejected price 9999.00 EUR for SKU MUG-GREEN as INVALID: ERROR 8541: The price is outside the allowed range. (attribute to fix: purchasable_offer)",
            result.Records[1].Message);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.DroppedConnection)]
    public async Task PushPrices_TransientFault_RetriedByTheHttpStack(FaultKind fault)
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.Faults.Next(fault, operation: AmazonOperations.PatchListingsItem);

        var result = await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m)]);

        Assert.Equal(RecordResult.Success("ART-1"), Assert.Single(result.Records));
        Assert.Equal(Eur(21.00m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
        Assert.Single(_amazon.Faults.Injected);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable, ConnectSdkErrorCode.MarketplaceUnavailable)]
    [InlineData(FaultKind.TooManyRequests, ConnectSdkErrorCode.Throttled)]
    public async Task PushPrices_RefusedAfterTheRetries_TheCallThrowsWithTheStatusCodesMeaningSoTheBatchFails(FaultKind fault, ConnectSdkErrorCode code)
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        _amazon.Faults.Next(fault, times: 100, operation: AmazonOperations.PatchListingsItem);

        var error = await Assert.ThrowsAsync<ConnectSdkException>(async () => await PushAsync([Update("ART-1", Fbm("MUG-BLUE"), 21.00m)]));

        Assert.Equal(code, error.Code);
        Assert.True(error.IsTransient);
        Assert.Contains("patchListingsItem", error.Message, StringComparison.Ordinal);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public async Task PushPrices_CancelledToken_WritesNothing()
    {
        _amazon.SeedArticle(Fbm("MUG-BLUE"), 3);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Feature.PushPricesAsync(context, [Update("ART-1", Fbm("MUG-BLUE"), 21.00m)], cancelled.Token));

        Assert.DoesNotContain(_amazon.Requests, r => r.Operation == AmazonOperations.PatchListingsItem);
        Assert.Equal(Eur(19.99m), _amazon.PriceOf(Fbm("MUG-BLUE"))!.Price);
    }

    [Fact]
    public void Descriptor_DeclaresPrices_AndTheFeatureIsFound()
    {
        var connector = _services.Connector();

        Assert.Contains(FeatureKind.Prices, connector.Descriptor.SupportedFeatures);
        Assert.Equal(FeatureKind.Prices, Feature.Kind);
    }

    private static ForeignNumber Fbm(string sku) => AmazonTestHost.Fbm(sku);

    private static ForeignNumber Fba(string sku) => AmazonTestHost.Fba(sku);

    private static Money Eur(decimal amount) => new(amount, CurrencyCode.Eur);

    private static PriceUpdate Update(string article, ForeignNumber sku, decimal price, decimal? compareAt = null) =>
        new(article, sku, Eur(price), compareAt is { } c ? Eur(c) : null);

    private async Task<BatchResult> PushAsync(IReadOnlyList<PriceUpdate> batch, string marketplaceIds = AmazonTestAccount.Marketplace)
    {
        var context = await AmazonTestServices.ContextAsync(AmazonTestAccount.Settings(_amazon).Set(AmazonConnector.MarketplaceIdsKey, marketplaceIds));
        return await Feature.PushPricesAsync(context, batch, CancellationToken.None);
    }

    private async Task UseTransportAsync(DelegatingHandler transport)
    {
        await _services.DisposeAsync();
        _services = AmazonTestServices.Build(AdapterTestLog.CreateFactory(), _time, services =>
            services.AddHttpClient(AmazonConnector.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => transport));
    }
}
