using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;
using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Prices;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Prices;

public sealed class WooCommercePriceFeatureTests
{
    private static Money Eur(decimal amount) => new(amount, CurrencyCode.Eur);

    [Fact]
    public void Connector_DeclaresAndProvidesThePriceFeature_WithWooCommercesBatchLimit()
    {
        using var services = WooTestServices.Build(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System);
        var connector = services.Connector();

        Assert.Contains(FeatureKind.Prices, connector.Descriptor.SupportedFeatures);
        Assert.Equal(100, Assert.Single(connector.Features.OfType<IPriceFeature>()).MaxBatchSize);
    }

    [Fact]
    public async Task PushPrices_WithoutCompareAt_SendsThePriceAsRegularPriceAndClearsTheSale()
    {
        var recorder = new RequestBodyRecorder();
        await using var shop = await StartAsync(Recording(recorder));
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SetPrice(Sku(1), 30m, 20m);

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(24.9m)));

        Assert.True(result.AllSucceeded);
        var id = (long)shop.Fake.Products().Single(p => (string?)p["sku"] == "SKU-1")["id"]!;
        Assert.Equal($$"""{"update":[{"id":{{id}},"regular_price":"24.90","sale_price":"","date_on_sale_from":"","date_on_sale_to":""}]}""", Assert.Single(recorder.SentTo("/products/batch")));
        Assert.Equal(new FakePrice(Eur(24.90m), null), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_WithCompareAt_SendsItAsRegularPriceAndThePriceAsSalePrice()
    {
        var recorder = new RequestBodyRecorder();
        await using var shop = await StartAsync(Recording(recorder));
        shop.Fake.SeedArticle(Sku(1), 3);

        await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(19.99m), Eur(29m)));

        var sent = JsonNode.Parse(Assert.Single(recorder.SentTo("/products/batch")))!["update"]![0]!;
        Assert.Equal(("29.00", "19.99"), ((string?)sent["regular_price"], (string?)sent["sale_price"]));
        Assert.Equal(new FakePrice(Eur(19.99m), Eur(29m)), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_SaleScheduledInTheShop_ClearsTheScheduleSoTheSentPriceSellsNowAndStays()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 8, 0));
        await using var shop = await StartAsync(options: new MarketplaceFakeOptions { Clock = clock });
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SetPrice(Sku(1), 30m, 20m);
        shop.Fake.ScheduleSale(Sku(1), clock.GetCurrentInstant() + Duration.FromDays(1), clock.GetCurrentInstant() + Duration.FromDays(10));

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(19.99m), Eur(29m)));

        Assert.True(result.AllSucceeded, result.Records[0].Message);
        Assert.Equal(new FakePrice(Eur(19.99m), Eur(29m)), shop.Fake.PriceOf(Sku(1)));
        clock.Advance(Duration.FromDays(30));
        Assert.Equal(new FakePrice(Eur(19.99m), Eur(29m)), shop.Fake.PriceOf(Sku(1)));
        var product = shop.Fake.Products().Single(p => (string?)p["sku"] == "SKU-1");
        Assert.Equal((null, null), ((string?)product["date_on_sale_from"], (string?)product["date_on_sale_to"]));
    }

    [Fact]
    public async Task PushPrices_VariationAndSimpleProduct_GoThroughTheirOwnBatchRoutes()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        var variation = new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M");
        shop.Fake.SeedVariation(variation, 2, "SHIRT");

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(5m)), new PriceUpdate("SHIRT-M", variation, Eur(15m), Eur(18m)));

        Assert.True(result.AllSucceeded);
        var parent = (long)shop.Fake.Products().Single(p => (string?)p["sku"] == "SHIRT")["id"]!;
        Assert.Single(shop.Fake.Requests, r => r.Operation == "variations.batch" && r.PathAndQuery.EndsWith($"/products/{parent}/variations/batch", StringComparison.Ordinal));
        Assert.Equal(new FakePrice(Eur(15m), Eur(18m)), shop.Fake.PriceOf(variation));
        Assert.Equal(new FakePrice(Eur(5m), null), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_SkuOfAVariableProduct_FailsThatRecordWithoutSendingIt()
    {
        var recorder = new RequestBodyRecorder();
        await using var shop = await StartAsync(Recording(recorder));
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedVariation(new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M"), 2, "SHIRT");
        var variable = new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT");

        var result = await PushAsync(shop, new PriceUpdate("SHIRT", variable, Eur(15m)), new PriceUpdate(Article(1), Sku(1), Eur(5m)));

        var parent = (long)shop.Fake.Products().Single(p => (string?)p["sku"] == "SHIRT")["id"]!;
        Assert.Equal([RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        var failed = result.Records[0];
        Assert.Equal($"Article SHIRT (SKU SHIRT): product {parent} is a variable product: WooCommerce prices its variations; map the variations' SKUs to the articles instead of the variable product's.", failed.Message);
        var sent = JsonNode.Parse(Assert.Single(recorder.SentTo("/products/batch")))!["update"]!.AsArray();
        Assert.DoesNotContain(sent, item => (long)item!["id"]! == parent);
        Assert.Equal(new FakePrice(Eur(5m), null), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_BatchAnswerShowsAnotherPrice_FailsThatRecordNamingWhatTheShopAnswered()
    {
        // A pricing plugin that filters the product's price: WooCommerce saves what was sent but sells at another price.
        var plugin = new AnswerRewriter("/products/batch", answer =>
        {
            foreach (var item in answer["update"]!.AsArray().Where(i => (string?)i!["sku"] == "SKU-2"))
            {
                item!["price"] = "11.00";
            }
        });
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => plugin));
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedArticle(Sku(2), 3);

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(8m)), new PriceUpdate(Article(2), Sku(2), Eur(9m), Eur(12m)));

        var id = (long)shop.Fake.Products().Single(p => (string?)p["sku"] == "SKU-2")["id"]!;
        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed], result.Records.Select(r => r.Outcome));
        var failed = result.Records[1];
        Assert.Equal($"Article {Article(2)} (SKU SKU-2): WooCommerce saved id {id} but answers price 11.00 instead of 9.00; the shop does not sell at the price sent.", failed.Message);
    }

    [Fact]
    public async Task PushPrices_FullBatch_OneCallWithEveryItem_AndTheCurrencyReadOnce()
    {
        var recorder = new RequestBodyRecorder();
        await using var shop = await StartAsync(Recording(recorder));
        var updates = Enumerable.Range(1, 100).Select(i =>
        {
            shop.Fake.SeedArticle(Sku(i), 1);
            return new PriceUpdate(Article(i), Sku(i), Eur(i));
        }).ToArray();

        var first = await PushAsync(shop, updates);
        var second = await PushAsync(shop, updates);

        Assert.True(first.AllSucceeded && second.AllSucceeded);
        var batches = recorder.SentTo("/products/batch");
        Assert.Equal(2, batches.Count);
        Assert.Equal(100, JsonNode.Parse(batches[0])!["update"]!.AsArray().Count);
        Assert.Single(shop.Fake.Requests, IsCurrencyRead);
        Assert.Equal(new FakePrice(Eur(100m), null), shop.Fake.PriceOf(Sku(100)));
    }

    [Fact]
    public async Task PushPrices_PriceInAnotherCurrency_FailsThatRecordOnly_NamingBothCurrencies()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedArticle(Sku(2), 3);

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), new Money(12m, CurrencyCode.Usd)), new PriceUpdate(Article(2), Sku(2), Eur(12m)));

        var refused = result.Records[0];
        Assert.Equal(RecordOutcome.Failed, refused.Outcome);
        Assert.Equal("Article ART-1 (SKU SKU-1): the price 12 USD is not in the shop's currency EUR (WooCommerce setting woocommerce_currency); prices are never converted.", refused.Message);
        Assert.Equal(RecordOutcome.Succeeded, result.Records[1].Outcome);
        Assert.Equal(new FakePrice(Eur(19.99m), null), shop.Fake.PriceOf(Sku(1)));
        Assert.Equal(Eur(12m), shop.Fake.PriceOf(Sku(2))!.Price);
    }

    [Theory]
    [InlineData(false, PriceBasis.Gross, "the price 12 EUR is gross, but the shop takes prices net (WooCommerce setting woocommerce_prices_include_tax: no); prices are never converted.")]
    [InlineData(true, PriceBasis.Net, "the price 12 EUR is net, but the shop takes prices gross (WooCommerce setting woocommerce_prices_include_tax: yes); prices are never converted.")]
    public async Task PushPrices_BasisTheShopsTaxOptionContradicts_FailsThatRecordWithoutSendingIt(bool pricesIncludeTax, PriceBasis basis, string problem)
    {
        var recorder = new RequestBodyRecorder();
        await using var shop = await StartAsync(Recording(recorder));
        shop.Fake.PricesIncludeTax = pricesIncludeTax;
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedArticle(Sku(2), 3);
        var shopBasis = pricesIncludeTax ? PriceBasis.Gross : PriceBasis.Net;

        var result = await PushAsync(
            shop,
            new PriceUpdate(Article(1), Sku(1), Eur(12m)) { Basis = basis },
            new PriceUpdate(Article(2), Sku(2), Eur(13m)) { Basis = shopBasis });

        Assert.Equal([RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        Assert.Equal($"Article ART-1 (SKU SKU-1): {problem}", result.Records[0].Message);
        var id = (long)shop.Fake.Products().Single(p => (string?)p["sku"] == "SKU-1")["id"]!;
        Assert.DoesNotContain(JsonNode.Parse(Assert.Single(recorder.SentTo("/products/batch")))!["update"]!.AsArray(), item => (long)item!["id"]! == id);
        Assert.Equal(new FakePrice(Eur(19.99m), null), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_ShopSwitchedItsTaxOption_ReadsItAgainBeforeRefusing()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(10m)));
        shop.Fake.PricesIncludeTax = false;

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(11m)) { Basis = PriceBasis.Net });

        Assert.True(result.AllSucceeded, result.Records[0].Message);
        Assert.Equal(Eur(11m), shop.Fake.PriceOf(Sku(1))!.Price);
        Assert.Equal(2, shop.Fake.Requests.Count(r => r.PathAndQuery.EndsWith(ShopPriceSettings.PricesIncludeTaxPath, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PushPrices_ShopSwitchedItsCurrency_ReadsItAgainBeforeRefusing()
    {
        await using var shop = await StartSwitchedFromEurToChfAsync();

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), new Money(11m, CurrencyCode.Chf)));

        Assert.True(result.AllSucceeded, result.Records[0].Message);
        Assert.Equal(new Money(11m, CurrencyCode.Chf), shop.Fake.PriceOf(Sku(1))!.Price);
        Assert.Equal(2, shop.Fake.Requests.Count(IsCurrencyRead));
    }

    [Fact]
    public async Task PushPrices_ShopSwitchedItsCurrencyButNotTheRules_RefusesTheOldCurrencyOnceItIsKeptNoLonger()
    {
        await using var shop = await StartSwitchedFromEurToChfAsync();

        shop.Host.Clock.Advance(ShopPriceSettings.KeptFor - Duration.FromSeconds(1));
        var whileKept = Assert.Single((await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(11m)))).Records);
        shop.Host.Clock.Advance(Duration.FromSeconds(1));
        var afterwards = Assert.Single((await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(12m)))).Records);

        Assert.Equal(RecordOutcome.Succeeded, whileKept.Outcome);
        Assert.Equal("Article ART-1 (SKU SKU-1): the price 12 EUR is not in the shop's currency CHF (WooCommerce setting woocommerce_currency); prices are never converted.", afterwards.Message);
        // While kept, the old currency's amount went out (the guide's limit); afterwards nothing more.
        Assert.Equal(new Money(11m, CurrencyCode.Chf), shop.Fake.PriceOf(Sku(1))!.Price);
        // Read when first needed and when kept no longer; the refusal rests on that read, not on a third.
        Assert.Equal(2, shop.Fake.Requests.Count(IsCurrencyRead));
    }

    [Theory]
    [InlineData("12.345", null, "the price 12.345 EUR has more decimals than EUR has (2)")]
    [InlineData("-1", null, "the price -1 EUR is below zero")]
    [InlineData("20", "20", "the compare-at price 20 EUR is not above the price 20 EUR")]
    public async Task PushPrices_AmountWooCommerceWouldMisread_FailsThatRecordWithoutSendingIt(string price, string? compareAt, string problem)
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        var update = new PriceUpdate(Article(1), Sku(1), Eur(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)), compareAt is null ? null : Eur(decimal.Parse(compareAt, System.Globalization.CultureInfo.InvariantCulture)));

        var record = Assert.Single((await PushAsync(shop, update)).Records);

        Assert.Equal(RecordOutcome.Failed, record.Outcome);
        Assert.Contains(problem, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "products.batch");
    }

    [Fact]
    public async Task PushPrices_ItemsTheShopRefuses_FailExactlyThoseRecordsWithWooCommercesMessage()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedArticle(Sku(2), 3);
        shop.Fake.SeedArticle(Sku(3), 3);
        shop.Fake.Faults.Next(FaultKind.PartialBatchFailure, operation: "products.batch");

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(1m)), new PriceUpdate(Article(2), Sku(2), Eur(2m), Eur(3m)), new PriceUpdate(Article(3), Sku(3), Eur(3m)));

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Failed, RecordOutcome.Succeeded], result.Records.Select(r => r.Outcome));
        Assert.Equal("Article ART-2 (SKU SKU-2): WooCommerce refused regular_price 3.00, sale_price 2.00: The product could not be saved. (woocommerce_rest_product_not_updated).", result.Records[1].Message);
        Assert.Equal(Eur(3m), shop.Fake.PriceOf(Sku(3))!.Price);
    }

    [Fact]
    public async Task PushPrices_ItemAnsweredWithAnInvalidId_FailsAndTheSkuIsLookedUpAgainNextTime()
    {
        var invalidating = new AnswerRewritingHandler(
            r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/products/batch", StringComparison.Ordinal),
            body => body["update"]![0] = new JsonObject
            {
                ["id"] = (long)body["update"]![0]!["id"]!,
                ["error"] = new JsonObject { ["code"] = "woocommerce_rest_product_invalid_id", ["message"] = "Invalid ID.", ["data"] = new JsonObject { ["status"] = 400 } },
            });
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => invalidating));
        shop.Fake.SeedArticle(Sku(1), 3);

        var refused = Assert.Single((await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(6m)))).Records);
        var again = Assert.Single((await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(6m)))).Records);

        Assert.Equal("Article ART-1 (SKU SKU-1): WooCommerce refused regular_price 6.00: Invalid ID. (woocommerce_rest_product_invalid_id).", refused.Message);
        Assert.Equal(RecordOutcome.Succeeded, again.Outcome);
        Assert.Equal(2, shop.Fake.Requests.Count(r => r.Operation == "products.list"));
    }

    [Fact]
    public async Task PushPrices_AfterAStockPushOfTheSameSku_LooksTheSkuUpNoMore()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        var context = await shop.Host.ContextOfAsync(shop.Connection);
        var stock = shop.Host.Get<ConnectorRegistry>().Get(WooCommerceConnector.Id).Features.OfType<IStockFeature>().Single();

        var stocked = await stock.PushStockAsync(context, [new StockUpdate(Article(1), Sku(1), 5)], CancellationToken.None);
        var priced = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(6m)));

        Assert.True(stocked.AllSucceeded && priced.AllSucceeded);
        Assert.Single(shop.Fake.Requests, r => r.Operation == "products.list");
        Assert.Equal(5, shop.Fake.StockOf(Sku(1)));
        Assert.Equal(Eur(6m), shop.Fake.PriceOf(Sku(1))!.Price);
    }

    [Fact]
    public async Task PushPrices_CancelledWhileLookingUpSkus_SendsNoBatch()
    {
        using var cancellation = new CancellationTokenSource();
        var cancelling = new AfterFirstAnswerHandler(r => r.RequestUri!.Query.Contains("sku=SHIRT-M", StringComparison.Ordinal), cancellation.Cancel);
        await using var shop = await StartAsync(services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => cancelling));
        shop.Fake.SeedArticle(Sku(1), 3);
        var variation = new ForeignNumber(ForeignNumberLabel.Sku, "SHIRT-M");
        shop.Fake.SeedVariation(variation, 2, "SHIRT");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PushAsync(shop, cancellation.Token, new PriceUpdate(Article(1), Sku(1), Eur(7m)), new PriceUpdate("SHIRT-M", variation, Eur(7m))));

        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation.EndsWith(".batch", StringComparison.Ordinal));
        Assert.Equal(Eur(19.99m), shop.Fake.PriceOf(Sku(1))!.Price);
    }

    [Fact]
    public async Task PushPrices_UnknownSkuAndOtherLabel_FailTheirRecordsAlone()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);

        var result = await PushAsync(
            shop,
            new PriceUpdate(Article(1), Sku(1), Eur(4m)),
            new PriceUpdate(Article(2), Sku(2), Eur(4m)),
            new PriceUpdate(Article(3), new ForeignNumber(ForeignNumberLabel.SkuFbm, "X"), Eur(4m)));

        Assert.Equal(RecordOutcome.Succeeded, result.Records[0].Outcome);
        Assert.Equal("Article ART-2: WooCommerce has no product or variation with SKU SKU-2.", result.Records[1].Message);
        Assert.StartsWith("Article ART-3 (SKU_FBM X): WooCommerce identifies articles by SKU", result.Records[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests, 429)]
    [InlineData(FaultKind.ServerError, 500)]
    public async Task PushPrices_BatchAnsweredWithATransientError_IsRetriedAndWritten(FaultKind fault, int status)
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.Faults.Next(fault, operation: "products.batch");

        var result = await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(8m)));

        Assert.True(result.AllSucceeded);
        Assert.Equal([status, 200], shop.Fake.Requests.Where(r => r.Operation == "products.batch").Select(r => r.StatusCode));
        Assert.Equal(Eur(8m), shop.Fake.PriceOf(Sku(1))!.Price);
    }

    [Fact]
    public async Task PushPrices_BatchStillFailingAfterTheRetries_Throws()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.Faults.Next(FaultKind.ServerError, times: 50, operation: "products.batch");

        var thrown = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(8m))));

        Assert.Contains("WooCommerce answered the price batch with 500", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(new FakePrice(Eur(19.99m), null), shop.Fake.PriceOf(Sku(1)));
    }

    [Fact]
    public async Task PushPrices_ShopKeepsFailingDuringTheSkuLookups_ThrowsOnceInsteadOfFailingEveryRecord()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.SeedArticle(Sku(2), 3);
        shop.Fake.Faults.Next(FaultKind.ServerError, times: 50, operation: "products.list");

        var thrown = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(8m)), new PriceUpdate(Article(2), Sku(2), Eur(9m))));

        // The shop's failure, not the articles': the run fails once and the scheduler runs it again.
        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, thrown.Code);
        Assert.Contains("the lookup of SKU SKU-1", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "products.batch");
    }

    [Fact]
    public async Task PushPrices_CurrencyReadRefused_Throws()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        shop.Fake.Faults.Next(FaultKind.MalformedJson, operation: "settings.get");

        var thrown = await Assert.ThrowsAsync<ConnectSdkException>(() => PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(8m))));

        Assert.Contains("the read of the shop's currency (woocommerce_currency)", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "products.batch");
    }

    [Fact]
    public async Task PushPrices_CancelledToken_WritesNothing()
    {
        await using var shop = await StartAsync();
        shop.Fake.SeedArticle(Sku(1), 3);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PushAsync(shop, cancelled.Token, new PriceUpdate(Article(1), Sku(1), Eur(8m))));

        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "products.batch");
        Assert.Equal(new FakePrice(Eur(19.99m), null), shop.Fake.PriceOf(Sku(1)));
    }

    /// <summary>A shop whose currency a first push read as EUR, switched to CHF since.</summary>
    private static async Task<WooTestShop> StartSwitchedFromEurToChfAsync()
    {
        var shop = await StartAsync();
        try
        {
            shop.Fake.SeedArticle(Sku(1), 3);
            await PushAsync(shop, new PriceUpdate(Article(1), Sku(1), Eur(10m)));
            shop.Fake.Currency = CurrencyCode.Chf;
            return shop;
        }
        catch
        {
            await shop.DisposeAsync();
            throw;
        }
    }

    private static bool IsCurrencyRead(FakeRequest request) => request.PathAndQuery.EndsWith(ShopPriceSettings.CurrencyPath, StringComparison.Ordinal);

    // Every update here is on PriceUpdate's default gross basis, so the shop enters its prices with tax unless a test says otherwise.
    private static async Task<WooTestShop> StartAsync(Action<IServiceCollection>? configure = null, MarketplaceFakeOptions? options = null)
    {
        var shop = await WooTestShop.StartAsync(configure, options);
        shop.Fake.PricesIncludeTax = true;
        return shop;
    }

    private static Action<IServiceCollection> Recording(RequestBodyRecorder recorder) =>
        services => services.AddHttpClient(WooCommerceClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => recorder);

    private static Task<BatchResult> PushAsync(WooTestShop shop, params PriceUpdate[] updates) => PushAsync(shop, CancellationToken.None, updates);

    private static async Task<BatchResult> PushAsync(WooTestShop shop, CancellationToken cancellationToken, params PriceUpdate[] updates)
    {
        var context = await shop.Host.ContextOfAsync(shop.Connection);
        var prices = shop.Host.Get<ConnectorRegistry>().Get(WooCommerceConnector.Id).Features.OfType<IPriceFeature>().Single();
        return await prices.PushPricesAsync(context, updates, cancellationToken);
    }
}
