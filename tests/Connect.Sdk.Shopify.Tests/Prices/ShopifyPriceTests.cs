using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Tests.Faults;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Testing.Faults;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Prices;

/// <summary>
/// Prices go out as each variant's <c>price</c> and <c>compareAtPrice</c> through <c>productVariantsBulkUpdate</c>, one
/// call per product; a price in another currency than the shop's, on another basis than its tax setting, or one Shopify
/// refuses, fails alone.
/// </summary>
public sealed class ShopifyPriceTests : ShopifyFaultFixture
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    [Fact]
    public void Connector_DeclaresPrices_AndTheFeatureTakesBatchesOfShopifysInputLimit()
    {
        var connector = Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id);

        Assert.Contains(FeatureKind.Prices, connector.Descriptor.SupportedFeatures);
        Assert.Equal(250, connector.GetFeature<IPriceFeature>()!.MaxBatchSize);
    }

    [Fact]
    public async Task Push_VariantsAndASimpleArticle_OneBulkUpdatePerProductInTheDocumentedShape()
    {
        var variants = Shop.SeedProduct("Shirt", ("SHIRT-S", 1), ("SHIRT-M", 1));
        Shop.SeedArticle(Product(1), 1);
        var small = VariantNumber(variants[0].VariantId);
        var medium = VariantNumber(variants[1].VariantId);

        var result = await PushAsync(
            Update("ART-S", small, 19.99m, 24.99m),
            Update("ART-M", medium, 21m),
            Update("ART-1", Product(1), 5.5m));

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        Assert.Equal(new FakePriceOf(19.99m, 24.99m), Of(small));
        Assert.Equal(new FakePriceOf(21m, null), Of(medium));
        Assert.Equal(new FakePriceOf(5.5m, null), Of(Product(1)));

        var writes = Writes();
        Assert.Equal(2, writes.Count);
        Assert.Contains("productVariantsBulkUpdate(productId: $productId, variants: $variants)", (string)writes[0]["query"]!, StringComparison.Ordinal);
        var shirt = writes.Single(w => (string?)w["variables"]!["productId"] == variants[0].ProductId)["variables"]!;
        Assert.Equal(
            JsonNode.Parse($$"""[{"id":"{{variants[0].VariantId}}","price":"19.99","compareAtPrice":"24.99"},{"id":"{{variants[1].VariantId}}","price":"21.00","compareAtPrice":null}]""")!.ToJsonString(),
            shirt["variants"]!.ToJsonString());
        Assert.Contains(writes, w => (string?)w["variables"]!["productId"] == Shop.IdsOf(Product(1))!.ProductId);
    }

    [Fact]
    public async Task Push_EveryRequest_DeclaresTheCostTheShopReports()
    {
        var variants = Shop.SeedProduct("Shirt", ("SHIRT-S", 1), ("SHIRT-M", 1));
        Shop.SeedArticle(Product(1), 1);
        var before = Traffic.Exchanges.Count;

        await PushAsync(Update("ART-S", VariantNumber(variants[0].VariantId), 9m), Update("ART-1", Product(1), 5m));

        ShopifyOperation[] sent = [ShopifyDocuments.ShopPricing, ShopifyDocuments.PriceVariant, ShopifyDocuments.PriceProduct, ShopifyDocuments.UpdatePrices];
        var exchanges = Traffic.Exchanges.Skip(before).ToList();
        Assert.Equal(5, exchanges.Count);
        Assert.All(exchanges, e => Assert.Equal(sent.Single(o => (string?)JsonNode.Parse(e.Request)!["query"] == o.Document).EstimatedCost, e.RequestedCost));
    }

    [Fact]
    public async Task Push_CompareAtPriceNull_ClearsTheOneTheShopShows()
    {
        Shop.SeedArticle(Product(1), 1);
        Shop.SeedPrice(Product(1), 30m, 40m);

        var result = await PushAsync(Update("ART-1", Product(1), 35m));

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        Assert.Equal(new FakePriceOf(35m, null), Of(Product(1)));
    }

    [Fact]
    public async Task Push_PriceInAnotherCurrencyThanTheShops_RefusedForThatArticleOnly_NeverConverted()
    {
        Shop.SeedArticle(Product(1), 1);
        Shop.SeedArticle(Product(2), 1);

        var result = await PushAsync(
            new PriceUpdate("ART-1", Product(1), new Money(19.99m, CurrencyCode.Usd)),
            Update("ART-2", Product(2), 12m));

        var refused = result.Records.Single(r => r.RecordKey == "ART-1");
        Assert.Equal(RecordOutcome.Failed, refused.Outcome);
        Assert.Contains("ART-1", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"shopifyproductid {Product(1).Value}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sells in EUR, not USD", refused.Message, StringComparison.Ordinal);
        Assert.Contains("never converted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new FakePriceOf(ShopifyFakeDefaultPrice, null), Of(Product(1)));
        Assert.Equal(RecordOutcome.Succeeded, result.Records.Single(r => r.RecordKey == "ART-2").Outcome);
        Assert.Equal(new FakePriceOf(12m, null), Of(Product(2)));
    }

    [Fact]
    public async Task Push_ShopSellingInUsd_RefusesEuroPricesAndTheirCompareAtPrices()
    {
        Shop.Currency = CurrencyCode.Usd;
        Shop.SeedArticle(Product(1), 1);
        Shop.SeedArticle(Product(2), 1);

        var result = await PushAsync(
            Update("ART-1", Product(1), 19.99m),
            new PriceUpdate("ART-2", Product(2), new Money(9m, CurrencyCode.Usd), new Money(12m, Eur)));

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Failed, r.Outcome));
        Assert.Contains("sells in USD, not EUR", result.Records[0].Message, StringComparison.Ordinal);
        Assert.Contains("compare-at price 12 EUR", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Empty(Writes());
    }

    [Theory]
    [InlineData(true, PriceBasis.Net, "it is net, but the shop takes prices gross", "true")]
    [InlineData(false, PriceBasis.Gross, "it is gross, but the shop takes prices net", "false")]
    public async Task Push_BasisTheShopsTaxSettingContradicts_RefusedForEachArticle_NothingSent(bool taxesIncluded, PriceBasis basis, string mismatch, string setting)
    {
        Shop.TaxesIncluded = taxesIncluded;
        Shop.SeedArticle(Product(1), 1);
        Shop.SeedArticle(Product(2), 1);

        var result = await PushAsync(
            Update("ART-1", Product(1), 19.99m) with { Basis = basis },
            Update("ART-2", Product(2), 12m, 15m) with { Basis = basis });

        Assert.All(result.Records, r =>
        {
            Assert.Equal(RecordOutcome.Failed, r.Outcome);
            Assert.Contains(mismatch, r.Message, StringComparison.Ordinal);
            Assert.Contains($"(its taxesIncluded is {setting}); prices are never converted", r.Message, StringComparison.Ordinal);
            Assert.Contains("prices are never converted", r.Message, StringComparison.Ordinal);
        });
        Assert.Contains($"article ART-1 (shopifyproductid {Product(1).Value})", result.Records[0].Message, StringComparison.Ordinal);
        Assert.Empty(Writes());
        Assert.Equal(new FakePriceOf(ShopifyFakeDefaultPrice, null), Of(Product(1)));
    }

    [Theory]
    [InlineData(true, PriceBasis.Gross)]
    [InlineData(false, PriceBasis.Net)]
    public async Task Push_BasisTheShopsTaxSettingAgreesWith_AppliedAndTheFakeGivesThatBasis(bool taxesIncluded, PriceBasis basis)
    {
        Shop.TaxesIncluded = taxesIncluded;
        Shop.SeedArticle(Product(1), 1);

        var result = await PushAsync(Update("ART-1", Product(1), 19.99m) with { Basis = basis });

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        Assert.Equal(new FakePriceOf(19.99m, null), Of(Product(1)));
        Assert.Equal(basis, Shop.Basis);
    }

    [Fact]
    public async Task Push_ShopsTaxSetting_ReadWithTheCurrencyInOneQueryAndKeptAsLong()
    {
        Shop.SeedArticle(Product(1), 1);
        await PushAsync(Update("ART-1", Product(1), 11m));
        Assert.Equal(1, CurrencyReads());
        Assert.Contains("taxesIncluded", Traffic.Exchanges.Single(e => e.Request.Contains("currencyCode", StringComparison.Ordinal)).Request, StringComparison.Ordinal);

        // The merchant switches the shop to prices without tax; within the kept time the reading stands, after it the connector sees it.
        Shop.TaxesIncluded = false;
        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(RecordOutcome.Succeeded, Assert.Single((await PushAsync(Update("ART-1", Product(1), 12m))).Records).Outcome);
        Time.Advance(TimeSpan.FromMinutes(2));
        var result = await PushAsync(Update("ART-1", Product(1), 13m));

        Assert.Equal(2, CurrencyReads());
        Assert.Contains("it is gross, but the shop takes prices net", Assert.Single(result.Records).Message, StringComparison.Ordinal);
        Assert.Equal(12m, Of(Product(1)).Price);
    }

    [Fact]
    public async Task Push_ShopsCurrency_ReadOncePerConnectionUntilItsTimeIsUp()
    {
        Shop.SeedArticle(Product(1), 1);
        await PushAsync(Update("ART-1", Product(1), 11m));
        await PushAsync(Update("ART-1", Product(1), 12m));
        Assert.Equal(1, CurrencyReads());

        // The merchant switches the shop to Swiss francs; after the kept time the connector sees it.
        Shop.Currency = CurrencyCode.Chf;
        Time.Advance(TimeSpan.FromMinutes(16));
        var result = await PushAsync(Update("ART-1", Product(1), 13m));

        Assert.Equal(2, CurrencyReads());
        Assert.Contains("sells in CHF, not EUR", Assert.Single(result.Records).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_OneVariantRefusedByShopify_FailsAloneNamingShopifysFieldAndCode_TheProductsOthersApplied()
    {
        var variants = Shop.SeedProduct("Shirt", ("SHIRT-S", 1), ("SHIRT-M", 1));
        var small = VariantNumber(variants[0].VariantId);
        var medium = VariantNumber(variants[1].VariantId);

        var result = await PushAsync(Update("ART-S", small, -1m), Update("ART-M", medium, 22m));

        var refused = result.Records.Single(r => r.RecordKey == "ART-S");
        Assert.Equal(RecordOutcome.Failed, refused.Outcome);
        Assert.Contains($"shopifyvariantid {small.Value}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("GREATER_THAN_OR_EQUAL_TO, field variants.0.price", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RecordOutcome.Succeeded, result.Records.Single(r => r.RecordKey == "ART-M").Outcome);
        Assert.Equal(new FakePriceOf(22m, null), Of(medium));
        Assert.Equal(ShopifyFakeDefaultPrice, Of(small).Price);

        // Shopify applied nothing of the refused call; the other variant went again alone.
        Assert.Equal(2, Writes().Count);
    }

    [Fact]
    public async Task Push_UnknownVariantForeignLabelAndProductWithOptions_FailEachAloneSayingWhy()
    {
        var variants = Shop.SeedProduct("Shirt", ("SHIRT-S", 1), ("SHIRT-M", 1));
        Shop.SeedArticle(Product(1), 1);

        var result = await PushAsync(
            Update("ART-1", new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254750003"), 1m),
            Update("ART-2", new ForeignNumber(ForeignNumberLabel.Sku, "MUG"), 1m),
            Update("ART-3", new ForeignNumber(ForeignNumberLabel.ShopifyProductId, ShopifyIdOf(variants[0].ProductId)), 1m),
            Update("ART-4", Product(1), 7m));

        var records = result.Records.ToDictionary(r => r.RecordKey);
        Assert.Contains("Shopify has no variant 9007199254750003", records["ART-1"].Message, StringComparison.Ordinal);
        Assert.Contains("is not a Shopify label", records["ART-2"].Message, StringComparison.Ordinal);
        Assert.Contains("has several variants", records["ART-3"].Message, StringComparison.Ordinal);
        Assert.Equal(RecordOutcome.Succeeded, records["ART-4"].Outcome);
        Assert.Equal(7m, Of(Product(1)).Price);
    }

    [Fact]
    public async Task Push_TwoArticlesOnOneVariant_TheSecondFailsAndOnePriceIsSent()
    {
        Shop.SeedArticle(Product(1), 1);
        var variant = VariantNumber(Shop.IdsOf(Product(1))!.VariantId);

        var result = await PushAsync(Update("ART-1", Product(1), 8m), Update("ART-2", variant, 9m));

        Assert.Equal(RecordOutcome.Succeeded, result.Records[0].Outcome);
        Assert.Contains("article ART-1 has too", result.Records[1].Message, StringComparison.Ordinal);
        Assert.Equal(8m, Of(Product(1)).Price);
    }

    [Fact]
    public async Task Push_MoreDecimalsThanTheCurrencyHas_RefusedUnrounded()
    {
        Shop.SeedArticle(Product(1), 1);

        var result = await PushAsync(Update("ART-1", Product(1), 19.999m));

        Assert.Contains("to 2 decimals", Assert.Single(result.Records).Message, StringComparison.Ordinal);
        Assert.Empty(Writes());
    }

    [Fact]
    public async Task Push_AFullBatchOfOneProductsVariants_GoesInOneCall()
    {
        var variants = Shop.SeedProduct("Poster", [.. Enumerable.Range(1, ShopifyPriceBatch).Select(i => ($"POSTER-{i}", 1))]);

        var result = await PushAsync([.. variants.Select((v, i) => Update($"ART-{i}", VariantNumber(v.VariantId), 3m + i))]);

        Assert.All(result.Records, r => Assert.Equal(RecordOutcome.Succeeded, r.Outcome));
        var write = Assert.Single(Writes());
        Assert.Equal(ShopifyPriceBatch, write["variables"]!["variants"]!.AsArray().Count);
        Assert.Equal(3m + ShopifyPriceBatch - 1, Of(VariantNumber(variants[^1].VariantId)).Price);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.ServerError)]
    public async Task Push_WriteAnsweredWith429Or5xx_SentAgainByTheHttpStackAndApplied(FaultKind fault)
    {
        Shop.SeedArticle(Product(1), 1);
        Faults.Next(fault, operation: "graphql.productVariantsBulkUpdate");

        var result = await PushAsync(Update("ART-1", Product(1), 14m));

        Assert.Equal(RecordOutcome.Succeeded, Assert.Single(result.Records).Outcome);
        Assert.Equal(14m, Of(Product(1)).Price);
        Assert.Equal(2, Writes().Count);
    }

    [Fact]
    public async Task Push_WriteFailingAfterTheRetries_ThrowsSoTheBatchFails()
    {
        Shop.SeedArticle(Product(1), 1);
        Faults.Next(FaultKind.ServerError, times: 20, operation: "graphql.productVariantsBulkUpdate");

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(Update("ART-1", Product(1), 14m)));

        Assert.Contains("productVariantsBulkUpdate", error.Message, StringComparison.Ordinal);
        Assert.Equal(ShopifyFakeDefaultPrice, Of(Product(1)).Price);
    }

    [Fact]
    public async Task Push_TokenWithoutWriteProducts_ThrowsARefusalOfTheCredentialsInsteadOfFailingEachArticle()
    {
        Shop.SeedArticle(Product(1), 1);
        Traffic.AnswerInstead = body => body.Contains("productVariantsBulkUpdate(", StringComparison.Ordinal)
            ? """{"errors":[{"message":"Access denied for productVariantsBulkUpdate field. Required access: `write_products` access scope.","extensions":{"code":"ACCESS_DENIED"}}],"data":{"productVariantsBulkUpdate":null}}"""
            : null;

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(Update("ART-1", Product(1), 14m)));

        Assert.Equal(ConnectSdkErrorCode.CredentialsRefused, error.Code);
        Assert.Contains("write_products", error.Message, StringComparison.Ordinal);
        Assert.Equal(ShopifyFakeDefaultPrice, Of(Product(1)).Price);
    }

    [Fact]
    public async Task Push_CancelledToken_ThrowsAndSendsNothing()
    {
        Shop.SeedArticle(Product(1), 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var context = await Host.ContextOfAsync(Connection);
        var before = Traffic.Exchanges.Count;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Feature.PushPricesAsync(context, [Update("ART-1", Product(1), 14m)], cancelled.Token));

        Assert.Equal(before, Traffic.Exchanges.Count);
        Assert.Equal(ShopifyFakeDefaultPrice, Of(Product(1)).Price);
    }

    private const decimal ShopifyFakeDefaultPrice = Connect.Sdk.Testing.Fakes.Shopify.ShopifyFake.DefaultPrice;

    private const int ShopifyPriceBatch = 250;

    // The connector's clock is the test's, so the currency's kept time can run out.
    protected override void ConfigureClient(IHttpClientBuilder client) => client.Services.AddSingleton<IClock>(new TimeProviderClock(Time));

    private IPriceFeature Feature => Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id).GetFeature<IPriceFeature>()!;

    private async Task<BatchResult> PushAsync(params PriceUpdate[] updates) =>
        await Feature.PushPricesAsync(await Host.ContextOfAsync(Connection), updates, CancellationToken.None);

    private static PriceUpdate Update(string article, ForeignNumber number, decimal price, decimal? compareAt = null) =>
        new(article, number, new Money(price, CurrencyCode.Eur), compareAt is { } c ? new Money(c, CurrencyCode.Eur) : null);

    private static ForeignNumber VariantNumber(string variantGid) => new(ForeignNumberLabel.ShopifyVariantId, ShopifyIdOf(variantGid));

    private static string ShopifyIdOf(string gid) => gid[(gid.LastIndexOf('/') + 1)..];

    private FakePriceOf Of(ForeignNumber number)
    {
        var price = Shop.PriceOf(number) ?? throw new InvalidOperationException($"The fake has no variant {number}.");
        Assert.Equal(Shop.Currency, price.Price.Currency);
        return new FakePriceOf(price.Price.Amount, price.CompareAtPrice?.Amount);
    }

    private List<JsonNode> Writes() => [.. Traffic.Exchanges
        .Where(e => e.Request.Contains("productVariantsBulkUpdate(", StringComparison.Ordinal))
        .Select(e => JsonNode.Parse(e.Request)!)];

    private int CurrencyReads() => Traffic.Exchanges.Count(e => e.Request.Contains("currencyCode", StringComparison.Ordinal));

    // A price on the fake without its currency, for equality.
    private sealed record FakePriceOf(decimal Price, decimal? CompareAtPrice);
}
