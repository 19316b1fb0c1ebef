using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Amazon.Orders;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Orders;

public sealed class AmazonOrderMapperTests
{
    // Amazon's getOrder example (orders_getOrder_200.json), with an OrderTotal (37.47 + 10.00 + 4.90) and the status of a paid order.
    private const string OrderJson = """
        {
          "AmazonOrderId": "902-3159896-1390916",
          "PurchaseDate": "2017-01-20T19:49:35Z",
          "LastUpdateDate": "2017-01-20T19:51:16.123Z",
          "OrderStatus": "Unshipped",
          "FulfillmentChannel": "MFN",
          "OrderTotal": { "CurrencyCode": "EUR", "Amount": "52.37" },
          "PaymentMethod": "Other",
          "MarketplaceId": "A1PN6IFQEWUF5Q",
          "IsPrime": false,
          "ShippingAddress": { "Name": "Michigan address", "AddressLine1": "1 Cross St.", "City": "Canton", "StateOrRegion": "MI", "PostalCode": "48817", "CountryCode": "US" },
          "BuyerInfo": { "BuyerEmail": "user@example.com" }
        }
        """;

    private const string ItemsJson = """
        [
          {
            "ASIN": "B00000K3CQ", "SellerSKU": "MUG-BLUE", "OrderItemId": "68828574383266", "Title": "Enamel mug, blue",
            "QuantityOrdered": 3, "QuantityShipped": 0,
            "ItemPrice": { "CurrencyCode": "EUR", "Amount": "38.97" },
            "ItemTax": { "CurrencyCode": "EUR", "Amount": "6.22" },
            "ShippingPrice": { "CurrencyCode": "EUR", "Amount": "4.90" },
            "ShippingTax": { "CurrencyCode": "EUR", "Amount": "0.78" },
            "PromotionDiscount": { "CurrencyCode": "EUR", "Amount": "1.50" },
            "IsGift": "false"
          },
          {
            "ASIN": "B00000K3CR", "SellerSKU": "TOWEL", "OrderItemId": "68828574383267", "Title": "Linen tea towel",
            "QuantityOrdered": 3,
            "ItemPrice": { "CurrencyCode": "EUR", "Amount": "10.00" },
            "ItemTax": { "CurrencyCode": "EUR", "Amount": "0.65" },
            "ShippingPrice": { "CurrencyCode": "EUR", "Amount": "0.00" },
            "PromotionDiscount": { "CurrencyCode": "EUR", "Amount": "0.00" }
          }
        ]
        """;

    [Fact]
    public void Map_LineTotalsLessTheirPromotion_BecomeUnitPricesAsTheBuyerPaid()
    {
        var order = Map();

        // ItemPrice 38.97 for 3 less PromotionDiscount 1.50: the buyer paid 37.47, 12.49 a unit.
        var mug = order.Lines[0];
        Assert.Equal(new Money(12.49m, CurrencyCode.Eur), mug.UnitPrice);
        Assert.Equal(new Money(37.47m, CurrencyCode.Eur), mug.Total);
        Assert.Equal(new Money(6.22m, CurrencyCode.Eur), mug.TaxAmount);
        Assert.Equal(new Money(1.50m, CurrencyCode.Eur), mug.Discount);

        // 10.00 / 3 does not divide: six places, rounded half away from zero, and back to the cent times the quantity.
        var towel = order.Lines[1];
        Assert.Equal(3.333333m, towel.UnitPrice.Amount);
        Assert.Equal(10.00m, towel.Total.Amount);
        Assert.Null(towel.Discount);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    // The order item, quantity 2: ItemPrice 20.00, PromotionDiscount 2.00, ShippingPrice 4.99, ShippingDiscount
    // 4.99. On Amazon.com (net prices) ItemTax 1.53 is on top: OrderTotal 19.53. On Amazon.de (prices with VAT) ItemTax
    // 3.80 is the tax before the promotion and PromotionDiscountTax 0.38 its share; the shipping's 0.78 and its discount's
    // 0.78 cancel out: OrderTotal 18.00, tax 3.42.
    [Theory]
    [InlineData("ATVPDKIKX0DER", "USD", "19.53", "1.53", "0.00", "0.00", false, 1.53)]
    [InlineData("A1PN6IFQEWUF5Q", "EUR", "18.00", "3.80", "0.38", "0.78", true, 3.42)]
    public void Map_PromotionAndFreeShipping_BooksTheOrderTotal(string marketplace, string currency, string total, string itemTax, string discountTax, string shippingTax, bool gross, decimal tax)
    {
        var code = new CurrencyCode(currency);

        var order = Map(PromotionOrder(marketplace, currency, total), PromotionItem(currency, itemTax, discountTax, shippingTax));

        var line = Assert.Single(order.Lines);
        Assert.Equal(new Money(9.00m, code), line.UnitPrice);
        Assert.Equal(new Money(2.00m, code), line.Discount);
        Assert.Equal(new Money(tax, code), line.TaxAmount);
        Assert.Equal(Money.Zero(code), order.ShippingCost);
        Assert.Equal(new Money(4.99m, code), order.ShippingDiscount);
        Assert.Equal(Money.Zero(code), order.ShippingTax);
        Assert.Equal(gross, order.PricesIncludeTax);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_IdsTimesAndMoney_AsTheSdkWantsThem()
    {
        var order = Map();

        Assert.Equal("902-3159896-1390916", order.OrderNumber);
        Assert.Equal(order.OrderNumber, order.MarketplaceOrderId);
        Assert.Equal(Instant.FromUtc(2017, 1, 20, 19, 49, 35), order.CreatedAt);
        Assert.Equal(Instant.FromUtc(2017, 1, 20, 19, 51, 16) + Duration.FromMilliseconds(123), order.UpdatedAt);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.True(order.PricesIncludeTax);
        Assert.Equal(new Money(52.37m, CurrencyCode.Eur), order.Total);
        Assert.Equal(new Money(4.90m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(0.78m, CurrencyCode.Eur), order.ShippingTax);
        Assert.Equal(["68828574383266", "68828574383267"], order.Lines.Select(l => l.LineId));
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.SkuFbm, "MUG-BLUE"), order.Lines[0].ForeignNumber);
        Assert.Equal("user@example.com", order.BuyerEmail);
        Assert.Equal("Canton", order.ShippingAddress!.City);
        Assert.Equal("MI", order.ShippingAddress.Region);
    }

    [Fact]
    public void Map_UnderAGermanCulture_ReadsThePointAsTheDecimalSeparator()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(12.49m, Map().Lines[0].UnitPrice.Amount);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Map_AmazonFulfilledOrder_LabelsItsSkusFba()
    {
        var order = Map(OrderJson.Replace("\"MFN\"", "\"AFN\"", StringComparison.Ordinal));

        Assert.All(order.Lines, l => Assert.Equal(ForeignNumberLabel.SkuFba, l.ForeignNumber!.Value.Label));
    }

    [Fact]
    public void Map_UnitedStatesMarketplace_PricesWithoutTax()
    {
        var order = Map(OrderJson.Replace("A1PN6IFQEWUF5Q", "ATVPDKIKX0DER", StringComparison.Ordinal));

        Assert.False(order.PricesIncludeTax);
    }

    [Theory]
    [InlineData("\"Amount\": \"38.97\"", "\"Amount\": \"38,97\"", "item 68828574383266 ItemPrice '38,97'")]
    [InlineData("\"2017-01-20T19:49:35Z\"", "\"20.01.2017\"", "PurchaseDate '20.01.2017'")]
    [InlineData("\"CurrencyCode\": \"EUR\", \"Amount\": \"6.22\"", "\"CurrencyCode\": \"USD\", \"Amount\": \"6.22\"", "item 68828574383266 ItemTax is in USD")]
    public void Map_FieldNotAsDocumented_FailsNamingTheField(string from, string to, string named)
    {
        var ex = Assert.Throws<FormatException>(() => Map(OrderJson.Replace(from, to, StringComparison.Ordinal), ItemsJson.Replace(from, to, StringComparison.Ordinal)));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_OrderTotalCurrencyNotAnIsoCode_OneSentenceNamingAmazonsFieldNoParameterName()
    {
        var order = OrderJson.Replace("\"CurrencyCode\": \"EUR\", \"Amount\": \"52.37\"", "\"CurrencyCode\": \"EURO\", \"Amount\": \"52.37\"", StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => Map(order, ItemsJson));

        Assert.Equal("OrderTotal.CurrencyCode 'EURO' is not an ISO 4217 currency code (three letters such as EUR)", ex.Message);
    }

    [Fact]
    public void Map_ItemWithoutPrice_FailsUnlessTheOrderIsCancelled()
    {
        var items = ItemsJson.Replace("\"ItemPrice\": { \"CurrencyCode\": \"EUR\", \"Amount\": \"10.00\" },", string.Empty, StringComparison.Ordinal);

        Assert.Contains("item 68828574383267 has no ItemPrice", Assert.Throws<FormatException>(() => Map(OrderJson, items)).Message, StringComparison.Ordinal);
        var cancelled = Map(OrderJson.Replace("Unshipped", "Canceled", StringComparison.Ordinal), items);
        Assert.Equal(0m, cancelled.Lines[1].UnitPrice.Amount);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void Map_ZeroItemTaxOnAGrossLine_TaxIsUnknownNotZero_OnANetLineZero()
    {
        // Amazon.de: ItemPrice 10.00 has VAT in it, but ItemTax says 0.00 (selling-partner-api-models issues #1766, #3004).
        var items = ItemsJson.Replace("\"Amount\": \"0.65\"", "\"Amount\": \"0.00\"", StringComparison.Ordinal);

        var gross = Map(OrderJson, items);
        var net = Map(OrderJson.Replace("A1PN6IFQEWUF5Q", "ATVPDKIKX0DER", StringComparison.Ordinal), items);

        Assert.Null(gross.Lines[1].TaxAmount);
        Assert.Equal(new Money(6.22m, CurrencyCode.Eur), gross.Lines[0].TaxAmount);

        // Amazon.com: prices without sales tax, and a state without one charges 0.00.
        Assert.Equal(Money.Zero(CurrencyCode.Eur), net.Lines[1].TaxAmount);
    }

    [Fact]
    public void Map_ItemCancelledOutOfTheOrder_IsLeftOut()
    {
        // The towel cancelled: QuantityOrdered 0, no price; OrderTotal 52.37 − 10.00 = 42.37.
        var items = JsonNode.Parse(ItemsJson)!.AsArray();
        items[1]!["QuantityOrdered"] = 0;
        items[1]!.AsObject().Remove("ItemPrice");
        items[1]!.AsObject().Remove("ItemTax");

        var order = Map(OrderJson.Replace("52.37", "42.37", StringComparison.Ordinal), items.ToJsonString());

        Assert.Equal("68828574383266", Assert.Single(order.Lines).LineId);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_GiftWrapAndCashOnDelivery_OneFeeEachSummedOverTheItems()
    {
        // The money of Amazon's getOrderItems example item (CODFee 10.00, CODFeeDiscount 1.00, GiftWrapPrice 41.99) in
        // the order's currency, on both items, with gift wrap tax; OrderTotal 52.37 + 2 × (41.99 + 9.00) = 154.35.
        var extra = """
            "BuyerInfo": { "GiftMessageText": "For you!", "GiftWrapPrice": { "CurrencyCode": "EUR", "Amount": "41.99" }, "GiftWrapTax": { "CurrencyCode": "EUR", "Amount": "6.70" }, "GiftWrapLevel": "Classic" },
            "CODFee": { "CurrencyCode": "EUR", "Amount": "10.00" }, "CODFeeDiscount": { "CurrencyCode": "EUR", "Amount": "1.00" },
            "QuantityOrdered"
            """;
        var order = Map(OrderJson.Replace("52.37", "154.35", StringComparison.Ordinal), ItemsJson.Replace("\"QuantityOrdered\"", extra, StringComparison.Ordinal));

        Assert.Equal(
            [("Gift wrap", 83.98m, (decimal?)13.40m), ("Cash on delivery", 18.00m, null)],
            order.Fees.Select(f => (f.Title, f.Amount.Amount, f.TaxAmount?.Amount)));
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_OfficialExampleItem_GiftWrapInAnotherCurrencyThanTheOrder_FailsNamingTheField()
    {
        // Amazon's getOrderItems example as published: a JPY item whose GiftWrapPrice is in GBP.
        var order = OrderJson.Replace("\"EUR\", \"Amount\": \"52.37\"", "\"JPY\", \"Amount\": \"77.25\"", StringComparison.Ordinal);
        var items = """
            [ { "ASIN": "BT0093TELA", "OrderItemId": "68828574383266", "SellerSKU": "CBA_OTF_1", "Title": "Example item name",
                "QuantityOrdered": 1, "QuantityShipped": 1,
                "ItemPrice": { "CurrencyCode": "JPY", "Amount": "25.99" }, "ShippingPrice": { "CurrencyCode": "JPY", "Amount": "1.26" },
                "CODFee": { "CurrencyCode": "JPY", "Amount": "10.00" }, "CODFeeDiscount": { "CurrencyCode": "JPY", "Amount": "1.00" },
                "BuyerInfo": { "GiftMessageText": "For you!", "GiftWrapPrice": { "CurrencyCode": "GBP", "Amount": "41.99" }, "GiftWrapLevel": "Classic" } } ]
            """;

        var ex = Assert.Throws<FormatException>(() => Map(order, items));

        Assert.Equal("item 68828574383266 BuyerInfo.GiftWrapPrice is in GBP, the order in JPY", ex.Message);
    }

    [Theory]
    [InlineData("Pending", "pending")]
    [InlineData("Unshipped", "open")]
    [InlineData("PartiallyShipped", "partially_shipped")]
    [InlineData("Shipped", "shipped")]
    [InlineData("Canceled", "cancelled")]
    [InlineData("Unfulfillable", "Unfulfillable")]
    public void Status_AmazonWords_InTheSdksWords(string amazon, string sdk) =>
        Assert.Equal(new OrderStatus(sdk), AmazonOrderStatuses.ToSdk(amazon));

    private static string PromotionOrder(string marketplaceId, string currency, string total) => OrderJson
        .Replace("A1PN6IFQEWUF5Q", marketplaceId, StringComparison.Ordinal)
        .Replace("\"EUR\", \"Amount\": \"52.37\"", $"\"{currency}\", \"Amount\": \"{total}\"", StringComparison.Ordinal);

    private static string PromotionItem(string currency, string itemTax, string promotionTax, string shippingTax) => $$"""
        [
          {
            "ASIN": "B00000K3CQ", "SellerSKU": "MUG-BLUE", "OrderItemId": "68828574383266", "Title": "Enamel mug, blue",
            "QuantityOrdered": 2,
            "ItemPrice": { "CurrencyCode": "{{currency}}", "Amount": "20.00" },
            "ItemTax": { "CurrencyCode": "{{currency}}", "Amount": "{{itemTax}}" },
            "PromotionDiscount": { "CurrencyCode": "{{currency}}", "Amount": "2.00" },
            "PromotionDiscountTax": { "CurrencyCode": "{{currency}}", "Amount": "{{promotionTax}}" },
            "ShippingPrice": { "CurrencyCode": "{{currency}}", "Amount": "4.99" },
            "ShippingTax": { "CurrencyCode": "{{currency}}", "Amount": "{{shippingTax}}" },
            "ShippingDiscount": { "CurrencyCode": "{{currency}}", "Amount": "4.99" },
            "ShippingDiscountTax": { "CurrencyCode": "{{currency}}", "Amount": "{{shippingTax}}" }
          }
        ]
        """;

    private static MarketplaceOrder Map(string order = OrderJson, string items = ItemsJson) => AmazonOrderMapper.Map(
        JsonSerializer.Deserialize(order, AmazonJsonContext.Default.AmazonOrderJson)!,
        JsonSerializer.Deserialize("{\"payload\":{\"OrderItems\":" + items + "}}", AmazonJsonContext.Default.GetOrderItemsResponseJson)!.Payload.OrderItems);
}
