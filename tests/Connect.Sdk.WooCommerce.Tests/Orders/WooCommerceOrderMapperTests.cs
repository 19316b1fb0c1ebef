using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.WooCommerce.Orders;
using NodaTime;

namespace Connect.Sdk.WooCommerce.Tests.Orders;

/// <summary>WooCommerce's documented order payload, and variations of it, mapped to the SDK's order.</summary>
public sealed class WooCommerceOrderMapperTests
{
    private static readonly CurrencyCode Usd = new("USD");

    [Fact]
    public void TryMap_DocumentedOrder_MapsIdsTimesMoneyAndAddresses()
    {
        var order = MapSample(0);

        Assert.Equal("727", order.OrderNumber);
        Assert.Equal("727", order.MarketplaceOrderId);

        // The *_gmt fields (19:28), not the site-local date_created (16:28): they carry no offset but are UTC.
        Assert.Equal(Instant.FromUtc(2017, 3, 22, 19, 28, 2), order.CreatedAt);
        Assert.Equal(Instant.FromUtc(2017, 3, 22, 19, 28, 8), order.UpdatedAt);
        Assert.Equal(Usd, order.Currency);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.False(order.PricesIncludeTax);
        Assert.Equal(new Money(10.00m, Usd), order.ShippingCost);
        Assert.Equal(new Money(0m, Usd), order.ShippingTax);
        Assert.Equal(new Money(29.35m, Usd), order.Total);
        Assert.Equal("john.doe@example.com", order.BuyerEmail);
        Assert.Equal("bacs", order.PaymentMethod);
        Assert.Equal(
            new Address { Name = "John Doe", Street = "969 Market", PostalCode = "94103", City = "San Francisco", Region = "CA", CountryCode = "US", Phone = "(555) 555-5555" },
            order.BillingAddress);
        Assert.Equal(
            new Address { Name = "John Doe", Street = "969 Market", PostalCode = "94103", City = "San Francisco", Region = "CA", CountryCode = "US" },
            order.ShippingAddress);
    }

    [Fact]
    public void TryMap_DocumentedOrder_LinesCarrySkuPriceNumberAndTax()
    {
        var lines = MapSample(0).Lines;

        Assert.Equal(2, lines.Count);
        Assert.Equal("315", lines[0].LineId);
        Assert.Null(lines[0].ForeignNumber);     // sku "": a product without SKU
        Assert.Null(lines[0].Sku);
        Assert.Equal(2, lines[0].Quantity);
        Assert.Equal(new Money(3m, Usd), lines[0].UnitPrice);      // "price": 3, a JSON number
        Assert.Equal(new Money(0.45m, Usd), lines[0].TaxAmount);
        Assert.Null(lines[0].Discount);
        Assert.Equal("316", lines[1].LineId);
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.Sku, "Bar3"), lines[1].ForeignNumber);
        Assert.Equal("Bar3", lines[1].Sku);
        Assert.Equal(new Money(12m, Usd), lines[1].UnitPrice);
        Assert.Equal(new Money(0.90m, Usd), lines[1].TaxAmount);
        Assert.Null(lines[1].TaxRate);            // tax_lines without rate_percent (before WooCommerce 5.7)
    }

    [Fact]
    public void TryMap_DocumentedOrder_LineNamesWithHtmlEntitiesAreDecoded()
    {
        var lines = MapSample(0).Lines;

        Assert.Equal("Woo Single #1", lines[0].Title);
        Assert.Equal("Ship Your Idea – Color: Black, Size: M Test", lines[1].Title);   // "&ndash;" in WooCommerce's example
    }

    [Fact]
    public void TryMap_CompletedOrder_ReadsCompleted()
    {
        var order = MapSample(1);

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal("João Silva", order.BillingAddress!.Name);
        Assert.Equal(new Money(39.00m, Usd), order.Total);
    }

    [Fact]
    public void TryMap_OnAGermanServer_ReadsPointDecimals()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(29.35m, MapSample(0).Total!.Value.Amount);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void TryMap_GrossShop_UnitPriceAndShippingWithTax_DiscountAndRateFromTheTaxLines()
    {
        var json = Sample(0);
        json["prices_include_tax"] = true;
        json["tax_lines"]![0]!["rate_percent"] = 19;
        json["line_items"]![1]!["subtotal"] = "13.00";

        var order = Map(json);
        var line = order.Lines[1];

        Assert.True(order.PricesIncludeTax);
        Assert.Equal(new Money(12.90m, Usd), line.UnitPrice);          // (12.00 + 0.90) / 1
        Assert.Equal(new Money(3.225m, Usd), order.Lines[0].UnitPrice); // (6.00 + 0.45) / 2
        Assert.Equal(new Money(1.00m, Usd), line.Discount);            // (13.00 + 0.90) - (12.00 + 0.90)
        Assert.Equal(0.19m, line.TaxRate);
        Assert.Equal(new Money(10.00m, Usd), order.ShippingCost);
    }

    [Fact]
    public void TryMap_DocumentedOrder_AddsUpToItsTotal()
    {
        var order = MapSample(0);

        // 6.00 + 12.00 + tax 1.35 + shipping 10.00 = 29.35
        Assert.Equal(new Money(29.35m, Usd), MappedTotal.Of(order).Sum);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
        Assert.Null(order.RoundingDifference);
    }

    [Fact]
    public void TryMap_TotalRoundedOnceOverUnroundedLineTaxes_StatesTheDifferenceUpToTheBound()
    {
        // The documented order in a shop that rounds tax at subtotal level: line taxes 0.4475 and 0.895 are stated as
        // 0.45 and 0.90 (total_tax, 2 decimals), but the total counts their sum 1.3425 rounded once: 29.34.
        var json = Sample(0);
        json["line_items"]![0]!["taxes"]![0]!["total"] = "0.4475";
        json["line_items"]![1]!["taxes"]![0]!["total"] = "0.895";
        json["cart_tax"] = "1.34";
        json["total_tax"] = "1.34";
        json["total"] = "29.34";

        var order = Map(json);
        json["total"] = "29.30";
        var beyond = Map(json);

        Assert.Equal(new Money(-0.01m, Usd), order.RoundingDifference);
        Assert.Equal("lines 18.00 + shipping 10.00 + fees 0.00 + tax 1.35 + rounding -0.01 = 29.34 USD", MappedTotal.Of(order).ToString());

        // Two lines and the shipping explain 0.03 at most; 0.05 missing is an amount, not rounding, left to the totals check.
        Assert.Null(beyond.RoundingDifference);
        Assert.NotEqual(beyond.Total, MappedTotal.Of(beyond).Sum);
    }

    [Fact]
    public void TryMap_CouponFeesAndFreeShipping_TheLinesCarryTheCoupon_FeesAndCreditsAreBooked()
    {
        var json = Sample(0);

        // A 2.00 coupon on line 1 (subtotal 8.00, total 6.00), a gift-wrap fee with tax and a credit fee line,
        // free shipping: 6.00 + 12.00 + 1.35 + 1.50 + 0.29 − 1.00 + 0 = 20.14.
        json["line_items"]![0]!["subtotal"] = "8.00";
        json["discount_total"] = "2.00";
        json["coupon_lines"] = new JsonArray(new JsonObject { ["id"] = 320, ["code"] = "save2", ["discount"] = "2.00", ["discount_tax"] = "0.00" });
        json["fee_lines"] = new JsonArray(
            new JsonObject { ["id"] = 321, ["name"] = "Gift wrap", ["tax_class"] = "", ["tax_status"] = "taxable", ["total"] = "1.50", ["total_tax"] = "0.29", ["taxes"] = new JsonArray() },
            new JsonObject { ["id"] = 322, ["name"] = "Loyalty credit", ["tax_class"] = "", ["tax_status"] = "none", ["total"] = "-1.00", ["total_tax"] = "0.00", ["taxes"] = new JsonArray() });
        json["shipping_total"] = "0.00";
        json["total"] = "20.14";

        var order = Map(json);

        Assert.Equal(new Money(3.00m, Usd), order.Lines[0].UnitPrice);
        Assert.Equal(new Money(2.00m, Usd), order.Lines[0].Discount);
        Assert.Equal(
            [("Gift wrap", 1.50m, 0.29m), ("Loyalty credit", -1.00m, 0.00m)],
            order.Fees.Select(f => (f.Title, f.Amount.Amount, f.TaxAmount!.Value.Amount)));
        Assert.Equal(Money.Zero(Usd), order.ShippingCost);
        Assert.Equal(new Money(20.14m, Usd), MappedTotal.Of(order).Sum);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void TryMap_GrossShopFee_IsBookedWithItsTax()
    {
        var json = Sample(0);
        json["prices_include_tax"] = true;
        json["fee_lines"] = new JsonArray(new JsonObject { ["id"] = 321, ["name"] = "Gift wrap", ["total"] = "1.50", ["total_tax"] = "0.29" });

        var fee = Assert.Single(Map(json).Fees);

        Assert.Equal((new Money(1.79m, Usd), new Money(0.29m, Usd)), (fee.Amount, fee.TaxAmount!.Value));
    }

    [Fact]
    public void TryMap_FeeNameWithHtmlEntities_IsDecodedLikeLineNames()
    {
        var json = Sample(0);
        json["fee_lines"] = new JsonArray(new JsonObject { ["id"] = 321, ["name"] = "Gift wrap &amp; card &ndash; red", ["total"] = "0.00", ["total_tax"] = "0.00" });

        Assert.Equal("Gift wrap & card – red", Assert.Single(Map(json).Fees).Title);
    }

    [Theory]
    [InlineData("comma", "total '29,35'")]
    [InlineData("local date", "date_created_gmt '22.03.2017'")]
    [InlineData("no modified date", "date_modified_gmt")]
    [InlineData("zero quantity", "line 315 has quantity 0")]
    public void TryMap_BadField_UnreadableNamingTheOrderAndTheField(string flaw, string expected)
    {
        var json = Sample(0);
        switch (flaw)
        {
            case "comma":
                json["total"] = "29,35";
                break;
            case "local date":
                json["date_created_gmt"] = "22.03.2017";
                break;
            case "no modified date":
                json.Remove("date_modified_gmt");
                break;
            default:
                json["line_items"]![0]!["quantity"] = 0;
                break;
        }

        Assert.False(WooCommerceOrderMapper.TryMap(Element(json), out _, out var unreadable));
        Assert.Equal("727", unreadable.OrderNumber);
        Assert.StartsWith("WooCommerce order 727 could not be read", unreadable.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, unreadable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_CurrencyNotAnIsoCode_UnreadableNamingWooCommercesFieldNoParameterName()
    {
        var json = Sample(0);
        json["currency"] = "EURO";

        Assert.False(WooCommerceOrderMapper.TryMap(Element(json), out _, out var unreadable));
        Assert.Equal("WooCommerce order 727 could not be read: currency 'EURO' is not an ISO 4217 currency code (three letters such as EUR)", unreadable.Reason);
    }

    [Theory]
    [InlineData("line_items", "line_items[0] is null")]
    [InlineData("tax_lines", "tax_lines[0] is null")]
    [InlineData("taxes", "line 315 taxes[0] is null")]
    [InlineData("fee_lines", "fee_lines[0] is null")]
    public void TryMap_NullInAList_UnreadableNamingTheField(string list, string expected)
    {
        var json = Sample(0);
        var target = list == "taxes" ? json["line_items"]![0]!.AsObject() : json;
        target[list] = new JsonArray((JsonNode?)null);

        Assert.False(WooCommerceOrderMapper.TryMap(Element(json), out _, out var unreadable));
        Assert.Equal("WooCommerce order 727 could not be read: " + expected, unreadable.Reason);
    }

    [Theory]
    [InlineData("missing", "the required field line_items[0].name is missing")]
    [InlineData("null", "the field line_items[0].name is null")]
    [InlineData("number", "the field line_items[0].name does not have the documented type")]
    public void TryMap_LineFieldMissingNullOrOfAnotherType_NamesWooCommercesFieldNoDotNetType(string flaw, string expected)
    {
        var json = Sample(0);
        var line = json["line_items"]![0]!.AsObject();
        switch (flaw)
        {
            case "missing":
                line.Remove("name");
                break;
            case "null":
                line["name"] = null;
                break;
            default:
                line["name"] = 17;
                break;
        }

        Assert.False(WooCommerceOrderMapper.TryMap(Element(json), out _, out var unreadable));
        Assert.Equal("WooCommerce order 727 could not be read: " + expected, unreadable.Reason);
    }

    [Theory]
    [InlineData("2017-03-22T19:28:02", 19)]
    [InlineData("2017-03-22T19:28:02Z", 19)]
    public void ParseGmt_WithOrWithoutZ_IsUtc(string text, int hour) =>
        Assert.Equal(Instant.FromUtc(2017, 3, 22, hour, 28, 2), WooCommerceOrderMapper.ParseGmt(text, "date_created_gmt"));

    private static MarketplaceOrder MapSample(int index) => Map(Sample(index));

    private static MarketplaceOrder Map(JsonObject json)
    {
        Assert.True(WooCommerceOrderMapper.TryMap(Element(json), out var order, out var unreadable), unreadable?.Reason);
        return order;
    }

    private static JsonElement Element(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();

    private static JsonObject Sample(int index) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Orders", "Samples", "orders_list_200.json")))!.AsArray()[index]!.DeepClone().AsObject();
}
