using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Orders;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Orders;

public sealed class ShopifyOrderMapperTests
{
    // An order as the GraphQL Admin API returns it for the connector's selection; ids above 2^53 and odd, which no double holds.
    private const string OrderJson = """
        {
          "id": "gid://shopify/Order/9007199254740993",
          "name": "#1001",
          "createdAt": "2026-11-20T09:15:00+01:00",
          "updatedAt": "2026-11-21T17:30:05Z",
          "currencyCode": "EUR",
          "email": "erika@example.com",
          "taxesIncluded": true,
          "displayFinancialStatus": "PAID",
          "displayFulfillmentStatus": "UNFULFILLED",
          "cancelledAt": null,
          "paymentGatewayNames": ["paypal"],
          "currentTotalPriceSet": { "shopMoney": { "amount": "50.77", "currencyCode": "EUR" } },
          "shippingLines": { "nodes": [ { "title": "Standard", "discountedPriceSet": { "shopMoney": { "amount": "4.90", "currencyCode": "EUR" } }, "taxLines": [ { "rate": 0.19, "priceSet": { "shopMoney": { "amount": "0.78", "currencyCode": "EUR" } } } ], "discountAllocations": [] } ] },
          "shippingAddress": { "name": "Max Mustermann", "company": null, "address1": "Am Hafen 3", "address2": "", "zip": "20457", "city": "Hamburg", "province": "HH", "countryCodeV2": "DE", "phone": null },
          "billingAddress": null,
          "lineItems": {
            "nodes": [
              {
                "id": "gid://shopify/LineItem/9007199254740995",
                "title": "Enamel mug, blue",
                "sku": "MUG-B",
                "quantity": 3,
                "variant": { "id": "gid://shopify/ProductVariant/9007199254740997" },
                "product": { "id": "gid://shopify/Product/9007199254740999", "hasOnlyDefaultVariant": true },
                "originalUnitPriceSet": { "shopMoney": { "amount": "12.99", "currencyCode": "EUR" } },
                "taxLines": [ { "rate": 0.19, "priceSet": { "shopMoney": { "amount": "6.22", "currencyCode": "EUR" } } } ],
                "discountAllocations": [ { "allocatedAmountSet": { "shopMoney": { "amount": "1.10", "currencyCode": "EUR" } } }, { "allocatedAmountSet": { "shopMoney": { "amount": "0.40", "currencyCode": "EUR" } } } ]
              },
              {
                "id": "gid://shopify/LineItem/9007199254741001",
                "title": "Tea towel, linen, M",
                "sku": "",
                "quantity": 1,
                "variant": { "id": "gid://shopify/ProductVariant/9007199254741003" },
                "product": { "id": "gid://shopify/Product/9007199254741005", "hasOnlyDefaultVariant": false },
                "originalUnitPriceSet": { "shopMoney": { "amount": "8.40", "currencyCode": "EUR" } },
                "taxLines": [ { "rate": 0.05, "priceSet": { "shopMoney": { "amount": "0.40", "currencyCode": "EUR" } } }, { "rate": 0.02, "priceSet": { "shopMoney": { "amount": "0.15", "currencyCode": "EUR" } } } ],
                "discountAllocations": []
              }
            ],
            "pageInfo": { "hasNextPage": false, "endCursor": null }
          }
        }
        """;

    [Fact]
    public void TryMap_FullOrder_IdsAsStringsMoneyAsDecimalTimesFromTheirFields()
    {
        var order = Map(OrderJson);

        Assert.Equal("1001", order.OrderNumber);
        Assert.Equal("9007199254740993", order.MarketplaceOrderId);
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 8, 15), order.CreatedAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 21, 17, 30, 5), order.UpdatedAt);
        Assert.Equal(CurrencyCode.Eur, order.Currency);
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.True(order.PricesIncludeTax);
        Assert.Equal(new Money(50.77m, CurrencyCode.Eur), order.Total);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
        Assert.Equal(new Money(4.90m, CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(0.78m, CurrencyCode.Eur), order.ShippingTax);
        Assert.Equal("paypal", order.PaymentMethod);
        Assert.Equal("erika@example.com", order.BuyerEmail);
        Assert.Null(order.BillingAddress);
        Assert.Equal("Am Hafen 3", order.ShippingAddress!.Street);
        Assert.Null(order.ShippingAddress.AddressLine2);
        Assert.Equal("HH", order.ShippingAddress.Region);
    }

    [Fact]
    public void TryMap_Lines_ForeignNumberByProductKindAndSummedTaxesAndDiscounts()
    {
        var order = Map(OrderJson);

        var mug = order.Lines[0];
        Assert.Equal("9007199254740995", mug.LineId);
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.ShopifyProductId, "9007199254740999"), mug.ForeignNumber);
        Assert.Equal("MUG-B", mug.Sku);
        Assert.Equal(3, mug.Quantity);
        // The SDK's unit price is after the line's discount: (12.99 × 3 − 1.50) / 3.
        Assert.Equal(12.49m, mug.UnitPrice.Amount);
        Assert.Equal(0.19m, mug.TaxRate);
        Assert.Equal(new Money(6.22m, CurrencyCode.Eur), mug.TaxAmount);
        Assert.Equal(new Money(1.50m, CurrencyCode.Eur), mug.Discount);

        var towel = order.Lines[1];
        Assert.Equal(new ForeignNumber(ForeignNumberLabel.ShopifyVariantId, "9007199254741003"), towel.ForeignNumber);
        Assert.Null(towel.Sku);
        Assert.Equal(0.07m, towel.TaxRate);
        Assert.Equal(new Money(0.55m, CurrencyCode.Eur), towel.TaxAmount);
        Assert.Null(towel.Discount);
    }

    [Theory]
    [InlineData("\"cancelledAt\": null", "\"cancelledAt\": \"2026-11-22T10:00:00Z\"", "cancelled")]
    [InlineData("\"UNFULFILLED\"", "\"PARTIALLY_FULFILLED\"", "partially_shipped")]
    [InlineData("\"UNFULFILLED\"", "\"FULFILLED\"", "shipped")]
    [InlineData("\"PAID\"", "\"PENDING\"", "pending")]
    public void TryMap_Status_FromCancellationFulfillmentAndPayment(string from, string to, string status)
    {
        var order = Map(OrderJson.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(new OrderStatus(status), order.Status);
    }

    [Theory]
    [InlineData("\"currencyCode\": \"EUR\",\n  \"email\"", "\"email\"", "field 'currencyCode' is missing")]
    [InlineData("\"2026-11-21T17:30:05Z\"", "\"yesterday\"", "field 'updatedAt' is not an ISO 8601 time")]
    [InlineData("\"quantity\": 3,", "", "field 'lineItems.nodes[0].quantity' is missing")]
    [InlineData("\"countryCodeV2\": \"DE\"", "\"countryCodeV2\": null", "field 'shippingAddress.countryCodeV2' is missing")]
    [InlineData("{ \"amount\": \"4.90\", \"currencyCode\": \"EUR\" }", "{ \"amount\": \"4.90\", \"currencyCode\": \"USD\" }", "is in USD, not the order's EUR")]
    public void TryMap_BrokenOrder_UnreadableNamingTheOrderAndTheField(string from, string to, string why)
    {
        var json = OrderJson.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(from, json, StringComparison.Ordinal);

        var mapped = ShopifyOrderMapper.TryMap(Read(json.Replace(from, to, StringComparison.Ordinal)), out _, out var problem);

        Assert.False(mapped);
        Assert.Equal("1001", problem!.OrderNumber);
        Assert.Contains("Shopify order 1001", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(why, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lineItems", null, "lineItems.nodes[0] is null")]
    [InlineData("shippingLines", null, "shippingLines.nodes[0] is null")]
    [InlineData("lineItems", "taxLines", "lineItems.nodes[0].taxLines[0] is null")]
    [InlineData("lineItems", "discountAllocations", "lineItems.nodes[0].discountAllocations[0] is null")]
    [InlineData("shippingLines", "taxLines", "shippingLines.nodes[0].taxLines[0] is null")]
    public void TryMap_NullInAList_UnreadableNamingTheField(string list, string? nested, string why)
    {
        var json = JsonNode.Parse(OrderJson)!;
        var nodes = json[list]!["nodes"]!.AsArray();
        (nested is null ? nodes : nodes[0]![nested]!.AsArray()).Insert(0, null);

        Assert.False(ShopifyOrderMapper.TryMap(Read(json.ToJsonString()), out _, out var problem));
        Assert.Equal($"Shopify order 1001 cannot be read: {why}", problem!.Reason);
    }

    [Theory]
    [InlineData("\"quantity\": 3,", "\"quantity\": \"two\",", "the field lineItems.nodes[0].quantity does not have the documented type")]
    [InlineData("\"amount\": \"12.99\"", "\"amount\": { \"value\": \"12.99\" }", "the field lineItems.nodes[0].originalUnitPriceSet.shopMoney.amount does not have the documented type")]
    [InlineData("\"taxesIncluded\": true", "\"taxesIncluded\": \"yes\"", "the field taxesIncluded does not have the documented type")]
    [InlineData("\"currencyCode\": \"EUR\",\n  \"email\"", "\"currencyCode\": \"EURO\",\n  \"email\"", "field 'currencyCode' is not an ISO 4217 currency code: 'EURO'")]
    public void TryMap_FieldOfAnotherTypeOrUnknownCurrency_UnreadableNamingShopifysFieldWithoutDotNetNames(string from, string to, string why)
    {
        var json = OrderJson.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(from, json, StringComparison.Ordinal);

        Assert.False(ShopifyOrderMapper.TryMap(Read(json.Replace(from, to, StringComparison.Ordinal)), out _, out var problem));

        Assert.Equal("1001", problem!.OrderNumber);
        Assert.Equal($"Shopify order 1001 cannot be read: {why}", problem.Reason);
        Assert.DoesNotContain("System.", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_MoreLinesThanOnePage_RefusedRatherThanCutOff()
    {
        var json = OrderJson.Replace("\"pageInfo\": { \"hasNextPage\": false", "\"pageInfo\": { \"hasNextPage\": true", StringComparison.Ordinal);

        Assert.False(ShopifyOrderMapper.TryMap(Read(json), out _, out var problem));
        Assert.Contains("more lines for it than were read", problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_TipAndNoDutiesOrAdditionalFees_OnlyTheTipIsAFee()
    {
        // Shopify sends a zero tip bag and null duties and fees on an order without them; a tip of 5.00 raises the total.
        var json = OrderJson.Replace(
            "\"currentTotalPriceSet\": { \"shopMoney\": { \"amount\": \"50.77\"",
            "\"totalTipReceivedSet\": { \"shopMoney\": { \"amount\": \"5.00\", \"currencyCode\": \"EUR\" } }, \"currentTotalDutiesSet\": null, \"currentTotalAdditionalFeesSet\": null, "
            + "\"currentTotalPriceSet\": { \"shopMoney\": { \"amount\": \"55.77\"",
            StringComparison.Ordinal);

        var order = Map(json);

        var tip = Assert.Single(order.Fees);
        Assert.Equal(("Tip", new Money(5.00m, CurrencyCode.Eur)), (tip.Title, tip.Amount));
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void TryMap_LineAnEditOrRefundRemoved_LeftOutWithItsTaxesAndDiscounts_TheCurrentTotalAddsUp()
    {
        // The tea towel (8.40 with its taxes included) removed: currentTotalPriceSet 50.77 − 8.40 = 42.37.
        var json = OrderJson
            .Replace("\"quantity\": 3,", "\"quantity\": 3, \"currentQuantity\": 3,", StringComparison.Ordinal)
            .Replace("\"quantity\": 1,", "\"quantity\": 1, \"currentQuantity\": 0,", StringComparison.Ordinal)
            .Replace("\"amount\": \"50.77\"", "\"amount\": \"42.37\"", StringComparison.Ordinal);

        var order = Map(json);

        var mug = Assert.Single(order.Lines);
        Assert.Equal(3, mug.Quantity);
        Assert.Equal(new Money(42.37m, CurrencyCode.Eur), order.Total);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void TryMap_LinePartlyRefundedOrEdited_UnreadableNamingTheLineAndItsUnits()
    {
        // Shopify's taxLines (6.22) and discountAllocations (1.50) still count all 3 mugs when 2 remain.
        var json = OrderJson.Replace("\"quantity\": 3,", "\"quantity\": 3, \"currentQuantity\": 2,", StringComparison.Ordinal);

        Assert.False(ShopifyOrderMapper.TryMap(Read(json), out _, out var problem));

        Assert.Equal(
            "Shopify order 1001 cannot be read: lineItems.nodes[0] was partly refunded or edited before the import (2 of 3 units remain), and Shopify states "
            + "its taxLines and discountAllocations for all 3 units, so what the buyer paid for the rest is not known; enter the order in the ERP by hand",
            problem!.Reason);
    }

    [Fact]
    public void TryMap_OfficialPartlyRefundedSample_BooksTheOneLineLeftAndTheCurrentTotal()
    {
        // Shopify's REST example #1001 (partially_refunded) through the GraphQL fields of the same values: three iPods at
        // 199.00 with 6 % tax and a 10.00 code spread 3.34/3.33/3.33, two refunded (current_quantity 0). total_price
        // 598.94 is before the refunds; current_total_price 199.65 = 199.00 − 3.33 + 3.98 is what the buyer paid.
        var order = Map(GraphQLOfRestSample());

        var line = Assert.Single(order.Lines);
        Assert.Equal("518995019", line.LineId);
        Assert.Equal(new Money(195.67m, CurrencyCode.Usd), line.Total);
        Assert.Equal(new Money(3.98m, CurrencyCode.Usd), line.TaxAmount);
        Assert.Equal(new Money(199.65m, CurrencyCode.Usd), order.Total);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    [Fact]
    public void TryMap_DiscountNotDividingIntoCents_UnitPriceToSixDecimals_LineTotalAsPaid()
    {
        var json = OrderJson.Replace("\"amount\": \"1.10\"", "\"amount\": \"0.60\"", StringComparison.Ordinal);

        var mug = Map(json).Lines[0];

        // (12.99 × 3 − 1.00) / 3 = 12.656666…, and back to 37.97 times 3.
        Assert.Equal(12.656667m, mug.UnitPrice.Amount);
        Assert.Equal(new Money(37.97m, CurrencyCode.Eur), mug.Total);
    }

    [Fact]
    public void TryMap_FreeShipping_ShippingIsTheDiscountedPrice_TheDiscountBesideIt()
    {
        var json = OrderJson
            .Replace("\"discountedPriceSet\": { \"shopMoney\": { \"amount\": \"4.90\"", "\"discountedPriceSet\": { \"shopMoney\": { \"amount\": \"0.00\"", StringComparison.Ordinal)
            .Replace("\"amount\": \"0.78\"", "\"amount\": \"0.00\"", StringComparison.Ordinal)
            .Replace("\"discountAllocations\": [] } ] }", "\"discountAllocations\": [ { \"allocatedAmountSet\": { \"shopMoney\": { \"amount\": \"4.90\", \"currencyCode\": \"EUR\" } } } ] } ] }", StringComparison.Ordinal)
            .Replace("\"amount\": \"50.77\"", "\"amount\": \"45.87\"", StringComparison.Ordinal);

        var order = Map(json);

        Assert.Equal(Money.Zero(CurrencyCode.Eur), order.ShippingCost);
        Assert.Equal(new Money(4.90m, CurrencyCode.Eur), order.ShippingDiscount);
        Assert.Equal(Money.Zero(CurrencyCode.Eur), order.ShippingTax);
        Assert.Equal(new Money(45.87m, CurrencyCode.Eur), MappedTotal.Of(order).Sum);
        Assert.Equal(order.Total, MappedTotal.Of(order).Sum);
    }

    // The REST order's fields under their GraphQL names (snake_case to camelCase, *_set.shop_money to *Set.shopMoney).
    private static string GraphQLOfRestSample()
    {
        var rest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Orders", "Samples", "rest_orders_list_200.json")))!["orders"]![0]!;
        static JsonObject Bag(JsonNode? set) => new() { ["shopMoney"] = new JsonObject { ["amount"] = (string?)set!["shop_money"]!["amount"], ["currencyCode"] = (string?)set["shop_money"]!["currency_code"] } };
        static JsonArray Taxes(JsonNode? lines) => [.. lines!.AsArray().Select(t => (JsonNode)new JsonObject { ["rate"] = (decimal)t!["rate"]!, ["priceSet"] = Bag(t["price_set"]) })];
        static JsonArray Allocations(JsonNode? allocations) => [.. allocations!.AsArray().Select(a => (JsonNode)new JsonObject { ["allocatedAmountSet"] = Bag(a!["amount_set"]) })];
        var address = rest["shipping_address"]!;
        var graphQL = new JsonObject
        {
            ["id"] = (string?)rest["admin_graphql_api_id"],
            ["name"] = (string?)rest["name"],
            ["createdAt"] = (string?)rest["created_at"],
            ["updatedAt"] = (string?)rest["updated_at"],
            ["currencyCode"] = (string?)rest["currency"],
            ["taxesIncluded"] = (bool)rest["taxes_included"]!,
            ["displayFinancialStatus"] = ((string?)rest["financial_status"])!.ToUpperInvariant(),
            ["currentTotalPriceSet"] = Bag(rest["current_total_price_set"]),
            ["shippingLines"] = new JsonObject
            {
                ["nodes"] = new JsonArray([.. rest["shipping_lines"]!.AsArray().Select(l => (JsonNode)new JsonObject
                {
                    ["title"] = (string?)l!["title"],
                    ["discountedPriceSet"] = Bag(l["discounted_price_set"]),
                    ["taxLines"] = Taxes(l["tax_lines"]),
                    ["discountAllocations"] = Allocations(l["discount_allocations"]),
                })]),
            },
            ["shippingAddress"] = new JsonObject { ["name"] = (string?)address["name"], ["address1"] = (string?)address["address1"], ["zip"] = (string?)address["zip"], ["city"] = (string?)address["city"], ["countryCodeV2"] = (string?)address["country_code"] },
            ["lineItems"] = new JsonObject
            {
                ["nodes"] = new JsonArray([.. rest["line_items"]!.AsArray().Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = (string?)l!["admin_graphql_api_id"],
                    ["title"] = (string?)l["title"],
                    ["sku"] = (string?)l["sku"],
                    ["quantity"] = (int)l["quantity"]!,
                    ["currentQuantity"] = (int)l["current_quantity"]!,
                    ["variant"] = new JsonObject { ["id"] = "gid://shopify/ProductVariant/" + (long)l["variant_id"]! },
                    ["originalUnitPriceSet"] = Bag(l["price_set"]),
                    ["taxLines"] = Taxes(l["tax_lines"]),
                    ["discountAllocations"] = Allocations(l["discount_allocations"]),
                })]),
                ["pageInfo"] = new JsonObject { ["hasNextPage"] = false },
            },
        };
        return graphQL.ToJsonString();
    }

    private static MarketplaceOrder Map(string json)
    {
        Assert.True(ShopifyOrderMapper.TryMap(Read(json), out var order, out var problem), problem?.Reason);
        return order;
    }

    private static JsonElement Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
