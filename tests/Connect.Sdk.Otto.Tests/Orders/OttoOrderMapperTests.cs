using System.Text.Json;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Orders;

namespace Connect.Sdk.Otto.Tests.Orders;

/// <summary>
/// The mapping of one order of Orders v4. OTTO publishes no order example in a source the project has, so the payload
/// is composed from the field names and types of the official OpenAPI models (PartnerOrder, PositionItem, Product,
/// Amount, Address, InitialDeliveryFee, Payment; kassaline/openapi-clients-otto), not copied from OTTO.
/// </summary>
public sealed class OttoOrderMapperTests
{
    [Fact]
    public void Map_ThreePiecesOfOneSkuAndOneOfAnother_TwoLinesWithQuantitiesKnownByTheirFirstPiece()
    {
        var order = Map(Order(Piece("a1", "MUG-BLUE", 12.99m, discount: 0.50m), Piece("b1", "TOWEL", 8.40m, vat: 7), Piece("a2", "MUG-BLUE", 12.99m, discount: 0.50m), Piece("a3", "MUG-BLUE", 12.99m, discount: 0.50m)));

        Assert.Equal("bq12345678", order.OrderNumber);
        Assert.Equal("2e57d63f-11f4-4baf-9b56-cee829389a0e", order.MarketplaceOrderId);
        Assert.Collection(
            order.Lines,
            mug =>
            {
                Assert.Equal("a1", mug.LineId);
                Assert.Equal(new ForeignNumber(ForeignNumberLabel.OttoSku, "MUG-BLUE"), mug.ForeignNumber);
                Assert.Equal(3, mug.Quantity);
                Assert.Equal(new Money(12.49m, CurrencyCode.Eur), mug.UnitPrice);
                Assert.Equal(new Money(1.50m, CurrencyCode.Eur), mug.Discount);
                Assert.Equal(new Money(37.47m, CurrencyCode.Eur), mug.Total);
                Assert.Equal(0.19m, mug.TaxRate);
            },
            towel =>
            {
                Assert.Equal("b1", towel.LineId);
                Assert.Equal(1, towel.Quantity);
                Assert.Equal(0.07m, towel.TaxRate);
                Assert.Null(towel.Discount);
            });
        Assert.True(order.PricesIncludeTax);
        Assert.Equal(new Money(4.95m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(OrderStatus.Open, order.Status);
    }

    [Fact]
    public void Map_AddressesInAlpha3_AlphaTwoWithNameAndStreetJoined()
    {
        var order = Map(Order(Piece("a1", "MUG-BLUE", 12.99m)));

        var shipping = order.ShippingAddress!;
        Assert.Equal("Max Mustermann", shipping.Name);
        Assert.Equal("Am Hafen 3", shipping.Street);
        Assert.Equal("Tor 2", shipping.AddressLine2);
        Assert.Equal("DE", shipping.CountryCode);
        Assert.Equal("max@example.com", order.BuyerEmail);
        Assert.Equal("AT", order.BillingAddress!.CountryCode);
        Assert.Equal("INVOICE_SINGLE", order.PaymentMethod);
    }

    [Fact]
    public void Map_OnePieceCancelled_NotCountedAndTheOrderOpen()
    {
        var order = Map(Order(Piece("a1", "MUG-BLUE", 12.99m), Piece("a2", "MUG-BLUE", 12.99m, status: "CANCELLED_BY_MARKETPLACE"), Piece("a3", "MUG-BLUE", 12.99m, status: "SENT")));

        Assert.Equal(2, Assert.Single(order.Lines).Quantity);
        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
    }

    [Fact]
    public void Map_AnnouncedPiece_OrderPending()
    {
        Assert.Equal(OrderStatus.Pending, Map(Order(Piece("a1", "MUG-BLUE", 12.99m, status: "ANNOUNCED"))).Status);
    }

    [Theory]
    [InlineData("12.999", "EUR", "positionItems[1].itemValueGrossPrice.amount 12.999 is not an amount in euros and cents")]
    [InlineData("12.99", "USD", "positionItems[1].itemValueGrossPrice.currency is 'USD', not EUR")]
    public void TryMap_MoneyThatCannotBeReadExactly_OrderHeldNamingItsNumberAndTheField(string amount, string currency, string field)
    {
        var json = Order(Piece("a1", "MUG-BLUE", 12.99m), $$"""{"positionItemId":"a2","fulfillmentStatus":"PROCESSABLE","itemValueGrossPrice":{"amount":{{amount}},"currency":"{{currency}}"},"product":{"sku":"MUG-BLUE","productTitle":"Mug","vatRate":19} }""");

        var mapped = OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out var order, out var unreadable);

        Assert.False(mapped);
        Assert.Null(order);
        Assert.Equal("bq12345678", unreadable!.OrderNumber);
        Assert.Contains("OTTO Market order bq12345678", unreadable.Reason, StringComparison.Ordinal);
        Assert.Contains(field, unreadable.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
        "itemValueDiscount":{"amount":0.50,"currency":"EUR"},
        """, "positionItems[1].itemValueReducedGrossPrice is missing")]
    [InlineData("""
        "itemValueDiscount":{"amount":0.50,"currency":"EUR"},"itemValueReducedGrossPrice":{"amount":12.99,"currency":"EUR"},
        """, "positionItems[1].itemValueReducedGrossPrice 12.99 is not itemValueGrossPrice 12.99 minus itemValueDiscount 0.50")]
    public void TryMap_DiscountWithoutAMatchingReducedPrice_OrderHeldNamingTheField(string discountFields, string field)
    {
        var json = Order(Piece("a1", "MUG-BLUE", 12.99m), $$"""{"positionItemId":"a2","fulfillmentStatus":"PROCESSABLE","itemValueGrossPrice":{"amount":12.99,"currency":"EUR"},{{discountFields}}"product":{"sku":"MUG-BLUE","productTitle":"Mug","vatRate":19} }""");

        Assert.False(OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out _, out var unreadable));
        Assert.Equal("bq12345678", unreadable!.OrderNumber);
        Assert.Contains(field, unreadable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_PositionItemWithoutItsPrice_OrderHeldNamingTheField()
    {
        var json = Order("""{"positionItemId":"a1","fulfillmentStatus":"PROCESSABLE","product":{"sku":"MUG-BLUE","productTitle":"Mug","vatRate":19} }""");

        Assert.False(OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out _, out var unreadable));
        Assert.Contains("itemValueGrossPrice", unreadable!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_OrderLevelDiscountOverTwoLines_SpreadOverTheLinesToTheCentAndTheTotalWhatTheBuyerPays()
    {
        var order = Map(OrderWith(
            Fees("a1", "a2", "a3", "b1") + ",\"initialDiscounts\":[{\"discountAmount\":{\"amount\":5.00,\"currency\":\"EUR\"},\"discountId\":\"d1\",\"discountName\":\"Voucher\",\"name\":\"PARTNER_DISCOUNT\",\"positionItemIds\":[\"a1\",\"a2\",\"a3\",\"b1\"],\"vatRate\":19}]",
            Piece("a1", "MUG-BLUE", 12.99m, discount: 0.50m),
            Piece("b1", "TOWEL", 8.40m, vat: 7),
            Piece("a2", "MUG-BLUE", 12.99m, discount: 0.50m),
            Piece("a3", "MUG-BLUE", 12.99m, discount: 0.50m)));

        // 5.00 in proportion to 37.47 and 8.40: 4.08 and 0.92.
        var mug = order.Lines[0];
        var towel = order.Lines[1];
        Assert.Equal(new Money(33.39m, CurrencyCode.Eur), mug.Total);
        Assert.Equal(new Money(1.50m + 4.08m, CurrencyCode.Eur), mug.Discount);
        Assert.Equal(new Money(7.48m, CurrencyCode.Eur), towel.Total);
        Assert.Equal(new Money(0.92m, CurrencyCode.Eur), towel.Discount);
        Assert.Equal(new Money(45.82m, CurrencyCode.Eur), order.Total);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void Map_DeliveryFeeOfACancelledPieceOnly_NotInTheShippingNorTheTotal()
    {
        var order = Map(OrderWith(
            "\"initialDeliveryFees\":[{\"name\":\"DELIVERY_FEE_STANDARD\",\"deliveryFeeAmount\":{\"amount\":4.95,\"currency\":\"EUR\"},\"positionItemIds\":[\"a1\"],\"vatRate\":19},{\"name\":\"DELIVERY_FEE_FREIGHT\",\"deliveryFeeAmount\":{\"amount\":39.00,\"currency\":\"EUR\"},\"positionItemIds\":[\"c1\"],\"vatRate\":19}]",
            Piece("a1", "MUG-BLUE", 12.99m),
            Piece("c1", "SOFA", 499.00m, status: "CANCELLED_BY_PARTNER")));

        Assert.Equal(new Money(4.95m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(17.94m, CurrencyCode.Eur), order.Total);
    }

    [Fact]
    public void TryMap_OrderDiscountOnACancelledPieceBesideAnOpenOne_OrderHeldNamingTheField()
    {
        var json = OrderWith(
            Fees("a1") + ",\"initialDiscounts\":[{\"discountAmount\":{\"amount\":5.00,\"currency\":\"EUR\"},\"positionItemIds\":[\"a1\",\"a2\"]}]",
            Piece("a1", "MUG-BLUE", 12.99m),
            Piece("a2", "MUG-BLUE", 12.99m, status: "CANCELLED_BY_MARKETPLACE"));

        Assert.False(OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out _, out var unreadable));
        Assert.Contains("initialDiscounts[0].positionItemIds names cancelled position item 'a2'", unreadable!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_TwoPiecesWithOneId_OrderHeldNamingTheField()
    {
        var json = Order(Piece("a1", "MUG-BLUE", 12.99m), Piece("a1", "MUG-BLUE", 12.99m));

        Assert.False(OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out _, out var unreadable));
        Assert.Contains("positionItems[1].positionItemId 'a1' is the id of an earlier piece too", unreadable!.Reason, StringComparison.Ordinal);
    }

    private static MarketplaceOrder Map(string json) =>
        OttoOrderMapper.TryMap(JsonDocument.Parse(json).RootElement, out var order, out var unreadable) ? order : throw new Xunit.Sdk.XunitException(unreadable!.Reason);

    private static string Piece(string id, string sku, decimal gross, decimal? discount = null, int vat = 19, string status = "PROCESSABLE") =>
        $$"""
        {"positionItemId":"{{id}}","fulfillmentStatus":"{{status}}","itemValueGrossPrice":{"amount":{{gross.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"currency":"EUR"},
         {{(discount is { } d ? $$"""
         "itemValueDiscount":{"amount":{{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"currency":"EUR"},"itemValueReducedGrossPrice":{"amount":{{(gross - d).ToString(System.Globalization.CultureInfo.InvariantCulture)}},"currency":"EUR"},
         """ : string.Empty)}}
         "product":{"sku":"{{sku}}","productTitle":"Article {{sku}}","articleNumber":"A{{sku}}","vatRate":{{vat}} } }
        """;

    private static string Order(params string[] pieces) => OrderWith(Fees("a1"), pieces);

    private static string Fees(params string[] pieces) =>
        $$"""
        "initialDeliveryFees": [{"name":"DELIVERY_FEE_STANDARD","deliveryFeeAmount":{"amount":4.95,"currency":"EUR"},"positionItemIds":[{{string.Join(",", pieces.Select(p => $"\"{p}\""))}}],"vatRate":19}]
        """;

    private static string OrderWith(string feesAndDiscounts, params string[] pieces) =>
        $$"""
        {
          "salesOrderId": "2e57d63f-11f4-4baf-9b56-cee829389a0e",
          "orderNumber": "bq12345678",
          "orderDate": "2026-11-20T09:15:00.000+01:00",
          "lastModifiedDate": "2026-11-20T10:02:11.123Z",
          "positionItems": [{{string.Join(",", pieces)}}],
          {{feesAndDiscounts}},
          "invoiceAddress": {"salutation":"MS","firstName":"Erika","lastName":"Mustermann","street":"Mariahilfer Straße","houseNumber":"1","zipCode":"1060","city":"Wien","countryCode":"AUT","email":"pseudo-7f3a@otto.example"},
          "deliveryAddress": {"salutation":"MR","firstName":"Max","lastName":"Mustermann","street":"Am Hafen","houseNumber":"3","addition":"Tor 2","zipCode":"20457","city":"Hamburg","countryCode":"DEU","phoneNumber":"+49 40 987654","email":"max@example.com"},
          "payment": {"paymentMethod":"INVOICE_SINGLE"}
        }
        """;
}
