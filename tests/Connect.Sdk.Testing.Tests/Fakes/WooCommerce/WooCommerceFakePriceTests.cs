using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

/// <summary>Prices in the fake: regular and sale price per product and variation, written as WooCommerce writes them.</summary>
public sealed class WooCommerceFakePriceTests() : WooCommerceFakeTestBase(basicKeys: true)
{
    protected override void Seed(WooCommerceFake woo)
    {
        woo.SeedArticle(Sku("MUG"), 7);
        woo.SeedVariation(Sku("SHIRT-M"), 2, "SHIRT");
    }

    [Fact]
    public async Task ProductsBatch_SalePriceBelowRegular_ShowsTheSaleWithTheRegularPriceStruckThrough()
    {
        var results = await BatchAsync("products/batch", new JsonObject { ["id"] = IdOf("MUG"), ["regular_price"] = "29.99", ["sale_price"] = "19.99" });

        var mug = results[0]!;
        Assert.Equal(("19.99", "29.99", "19.99", true), ((string?)mug["price"], (string?)mug["regular_price"], (string?)mug["sale_price"], (bool)mug["on_sale"]!));
        Assert.Contains("<del aria-hidden=\"true\">", (string?)mug["price_html"], StringComparison.Ordinal);
        Assert.Equal(new FakePrice(new Money(19.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)), Woo.PriceOf(Sku("MUG")));
    }

    [Fact]
    public async Task VariationsBatch_RegularPriceAndEmptySalePrice_ClearsTheSale()
    {
        Woo.SetPrice(Sku("SHIRT-M"), 30m, 20m);
        var parent = IdOf("SHIRT");

        var results = await BatchAsync($"products/{parent}/variations/batch", new JsonObject { ["id"] = IdOf("SHIRT-M"), ["regular_price"] = "24.50", ["sale_price"] = string.Empty });

        Assert.Equal(("24.50", string.Empty, false), ((string?)results[0]!["price"], (string?)results[0]!["sale_price"], (bool)results[0]!["on_sale"]!));
        Assert.Equal(new FakePrice(new Money(24.50m, CurrencyCode.Eur), null), Woo.PriceOf(Sku("SHIRT-M")));
        Assert.Null(Woo.PriceOf(Sku("SHIRT")));
    }

    [Fact]
    public async Task ProductsBatch_SalePriceNotBelowRegular_IsKeptButTheRegularPriceSells()
    {
        var results = await BatchAsync("products/batch", new JsonObject { ["id"] = IdOf("MUG"), ["regular_price"] = "10.00", ["sale_price"] = "12.00" });

        Assert.Equal(("10.00", "12.00", false), ((string?)results[0]!["price"], (string?)results[0]!["sale_price"], (bool)results[0]!["on_sale"]!));
        Assert.Equal(new FakePrice(new Money(10m, CurrencyCode.Eur), null), Woo.PriceOf(Sku("MUG")));
    }

    [Fact]
    public async Task ProductsBatch_SaleStartingLater_IsStoredAndServedButTheRegularPriceSellsUntilThen()
    {
        var results = await BatchAsync("products/batch", new JsonObject
        {
            ["id"] = IdOf("MUG"), ["regular_price"] = "29.99", ["sale_price"] = "19.99", ["date_on_sale_from"] = "2026-11-03T00:00:00",
        });

        var mug = results[0]!;
        Assert.Equal(("2026-11-03T00:00:00", "2026-11-03T00:00:00", null), ((string?)mug["date_on_sale_from"], (string?)mug["date_on_sale_from_gmt"], (string?)mug["date_on_sale_to"]));
        Assert.Equal(("29.99", false), ((string?)mug["price"], (bool)mug["on_sale"]!));
        Assert.Equal(new FakePrice(new Money(29.99m, CurrencyCode.Eur), null), Woo.PriceOf(Sku("MUG")));
        Clock.Advance(NodaTime.Duration.FromDays(2));
        Assert.Equal(new FakePrice(new Money(19.99m, CurrencyCode.Eur), new Money(29.99m, CurrencyCode.Eur)), Woo.PriceOf(Sku("MUG")));
    }

    [Fact]
    public async Task VariationsBatch_EmptySaleDateClearsIt_NullLeavesIt_AndAnEndedSaleSellsAtTheRegularPrice()
    {
        Woo.SetPrice(Sku("SHIRT-M"), 30m, 20m);
        Woo.ScheduleSale(Sku("SHIRT-M"), Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(1), Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(5));

        var results = await BatchAsync($"products/{IdOf("SHIRT")}/variations/batch", new JsonObject
        {
            ["id"] = IdOf("SHIRT-M"), ["date_on_sale_from"] = string.Empty, ["date_on_sale_to"] = null,
        });

        var shirt = results[0]!;
        Assert.Equal((null, "2026-11-06T08:00:00"), ((string?)shirt["date_on_sale_from"], (string?)shirt["date_on_sale_to"]));
        Assert.Equal(("20.00", true), ((string?)shirt["price"], (bool)shirt["on_sale"]!));
        Clock.Advance(NodaTime.Duration.FromDays(6));
        Assert.Equal(new FakePrice(new Money(30m, CurrencyCode.Eur), null), Woo.PriceOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task ProductsBatch_PriceAsJsonNumber_FailsTheItemAsNotAStringAndWritesNothing()
    {
        var results = await BatchAsync("products/batch", new JsonObject { ["id"] = IdOf("MUG"), ["regular_price"] = 9.99, ["stock_quantity"] = 1 });

        Assert.Equal("rest_invalid_param", (string?)results[0]!["error"]!["code"]);
        Assert.Equal("Invalid parameter(s): regular_price", (string?)results[0]!["error"]!["message"]);
        Assert.Equal(19.99m, Woo.PriceOf(Sku("MUG"))!.Price.Amount);
        Assert.Equal(7, Woo.StockOf(Sku("MUG")));
    }

    [Fact]
    public async Task ProductUpdate_CommaDecimal_IsStoredAsWcFormatDecimalReadsIt()
    {
        using var response = await Http.PutAsync(new Uri($"products/{IdOf("MUG")}", UriKind.Relative), WooCommerceFakeTests.JsonBody("""{"regular_price":"12,50"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1250m, Woo.PriceOf(Sku("MUG"))!.Price.Amount);
    }

    [Fact]
    public async Task Settings_CurrencyAndTaxOption_AnswerTheShopsValues()
    {
        Woo.Currency = CurrencyCode.Chf;
        Woo.PricesIncludeTax = true;

        var currency = JsonNode.Parse(await Http.GetStringAsync(new Uri("settings/general/woocommerce_currency", UriKind.Relative)))!;
        var tax = JsonNode.Parse(await Http.GetStringAsync(new Uri("settings/tax/woocommerce_prices_include_tax", UriKind.Relative)))!;
        var status = JsonNode.Parse(await Http.GetStringAsync(new Uri("system_status", UriKind.Relative)))!;

        Assert.Equal(("woocommerce_currency", "CHF", "general"), ((string?)currency["id"], (string?)currency["value"], (string?)currency["group_id"]));
        Assert.Equal("yes", (string?)tax["value"]);
        Assert.Equal("CHF", (string?)status["settings"]!["currency"]);
        Assert.Equal(CurrencyCode.Chf, Woo.PriceOf(Sku("MUG"))!.Price.Currency);
    }

    [Fact]
    public async Task Basis_FollowsTheTaxOptionTheShopServes()
    {
        var netByDefault = Woo.Basis;
        Woo.PricesIncludeTax = true;

        var tax = JsonNode.Parse(await Http.GetStringAsync(new Uri("settings/tax/woocommerce_prices_include_tax", UriKind.Relative)))!;

        Assert.Equal(Connect.Sdk.Prices.PriceBasis.Net, netByDefault);
        Assert.Equal(("yes", Connect.Sdk.Prices.PriceBasis.Gross), ((string?)tax["value"], Woo.Basis));
    }

    [Theory]
    [InlineData("settings/general/woocommerce_no_such_option", "rest_setting_setting_invalid")]
    [InlineData("settings/nosuchgroup/woocommerce_currency", "rest_setting_setting_group_invalid")]
    public async Task Settings_UnknownOptionOrGroup_Answers404WithWooCommercesCode(string path, string code)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    private async Task<JsonArray> BatchAsync(string path, JsonObject item)
    {
        var body = new JsonObject { ["update"] = new JsonArray(item) };
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), WooCommerceFakeTests.JsonBody(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["update"]!.AsArray();
    }
}
