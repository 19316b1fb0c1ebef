using System.Globalization;
using System.Text.Json;
using Connect.Sdk.Amazon.Orders;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Orders;

public sealed class AmazonOrderMapperTests
{
    // Amazon's getOrder example (orders_getOrder_200.json), with an OrderTotal and the status of a paid order.
    private const string OrderJson = """
        {
          "AmazonOrderId": "902-3159896-1390916",
          "PurchaseDate": "2017-01-20T19:49:35Z",
          "LastUpdateDate": "2017-01-20T19:51:16.123Z",
          "OrderStatus": "Unshipped",
          "FulfillmentChannel": "MFN",
          "OrderTotal": { "CurrencyCode": "EUR", "Amount": "52.27" },
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
    public void Map_LineTotals_BecomeUnitPricesInDecimal_TaxStaysTheLineTotal()
    {
        var order = Map();

        var mug = order.Lines[0];
        Assert.Equal(new Money(12.99m, CurrencyCode.Eur), mug.UnitPrice);
        Assert.Equal(new Money(38.97m, CurrencyCode.Eur), mug.Total);
        Assert.Equal(new Money(6.22m, CurrencyCode.Eur), mug.TaxAmount);
        Assert.Equal(new Money(1.50m, CurrencyCode.Eur), mug.Discount);

        // 10.00 / 3 does not divide: six places, rounded half away from zero, and back to the cent times the quantity.
        var towel = order.Lines[1];
        Assert.Equal(3.333333m, towel.UnitPrice.Amount);
        Assert.Equal(10.00m, decimal.Round(towel.Total.Amount, 2));
        Assert.Null(towel.Discount);
    }

    [Theory]
    [InlineData("2.00", 3, "0.666667")]
    [InlineData("0.05", 2, "0.025")]
    [InlineData("-3.00", 2, "-1.5")]
    [InlineData("7.50", 0, "7.50")]
    public void UnitPrice_DividesTheLineTotal_RoundedToSixPlaces(string total, int quantity, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AmazonOrderMapper.UnitPrice(decimal.Parse(total, CultureInfo.InvariantCulture), quantity));

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
        Assert.Equal(new Money(52.27m, CurrencyCode.Eur), order.Total);
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
            Assert.Equal(12.99m, Map().Lines[0].UnitPrice.Amount);
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
    public void Map_ItemWithoutPrice_FailsUnlessTheOrderIsCancelled()
    {
        var items = ItemsJson.Replace("\"ItemPrice\": { \"CurrencyCode\": \"EUR\", \"Amount\": \"10.00\" },", string.Empty, StringComparison.Ordinal);

        Assert.Contains("item 68828574383267 has no ItemPrice", Assert.Throws<FormatException>(() => Map(OrderJson, items)).Message, StringComparison.Ordinal);
        var cancelled = Map(OrderJson.Replace("Unshipped", "Canceled", StringComparison.Ordinal), items);
        Assert.Equal(0m, cancelled.Lines[1].UnitPrice.Amount);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
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

    private static MarketplaceOrder Map(string order = OrderJson, string items = ItemsJson) => AmazonOrderMapper.Map(
        JsonSerializer.Deserialize(order, AmazonJsonContext.Default.AmazonOrderJson)!,
        JsonSerializer.Deserialize("{\"payload\":{\"OrderItems\":" + items + "}}", AmazonJsonContext.Default.GetOrderItemsResponseJson)!.Payload.OrderItems);
}
