using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>Products without options (shopifyproductid), re-seeding, and the order fields Shopify documents on line items and shipping lines.</summary>
public sealed class ShopifyFakeProductTests : ShopifyFakeTestBase
{
    private const string ProductId = "9007199254790001";

    [Fact]
    public async Task Product_SeededByProductId_HasOnlyTheDefaultVariantWithItsStock()
    {
        Shop.SeedArticle(Product(ProductId), 6);

        var body = await PostAsync(Http, Shop, "query($id: ID!) { product(id: $id) { id hasOnlyDefaultVariant variants(first: 5) { nodes { id inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: [\"available\"]) { quantity } } } } } } } }", new JsonObject { ["id"] = "gid://shopify/Product/" + ProductId });

        var product = body["data"]!["product"]!;
        Assert.True((bool)product["hasOnlyDefaultVariant"]!);
        var variant = Assert.Single(product["variants"]!["nodes"]!.AsArray())!;
        Assert.Equal(Shop.IdsOf(Product(ProductId))!.VariantId, (string?)variant["id"]);
        Assert.Equal(6, (int)variant["inventoryItem"]!["inventoryLevels"]!["nodes"]![0]!["quantities"]![0]!["quantity"]!);
        Assert.Equal(6, Shop.StockOf(Product(ProductId)));
    }

    [Fact]
    public async Task Product_Unknown_IsNull()
    {
        var body = await PostAsync(Http, Shop, """{ product(id: "gid://shopify/Product/1") { id } }""");

        Assert.Null(body["data"]!["product"]);
    }

    [Fact]
    public void SeedArticle_Again_SetsItsStock()
    {
        Shop.SeedArticle(Product(ProductId), 6);
        var ids = Shop.IdsOf(Product(ProductId));

        Shop.SeedArticle(Product(ProductId), 2);

        Assert.Equal(2, Shop.StockOf(Product(ProductId)));
        Assert.Equal(ids, Shop.IdsOf(Product(ProductId)));
    }

    [Fact]
    public async Task Order_LineItemsCarrySkuSoldUnderDiscountsTaxesAndTheSeededLineId()
    {
        Shop.SeedArticle(Product(ProductId), 6);
        var order = Order(1001, Start) with
        {
            ShippingTax = new Money(0.78m, CurrencyCode.Eur),
            PaymentMethod = "invoice",
            Lines =
            [
                new OrderLine
                {
                    LineId = "1001-L1",
                    ForeignNumber = Product(ProductId),
                    Sku = "SELLER-1",
                    Title = "Mug",
                    Quantity = 2,
                    UnitPrice = new Money(11.90m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                    Discount = new Money(1.50m, CurrencyCode.Eur),
                },
            ],
        };
        Shop.SeedOrder(order);

        const string Query = """
            { orders(first: 1, query: "name:#1001") { nodes {
                paymentGatewayNames
                lineItems(first: 5) { nodes { id sku product { hasOnlyDefaultVariant } discountAllocations { allocatedAmountSet { shopMoney { amount } } } taxLines { rate priceSet { shopMoney { amount } } } } }
                shippingLines(first: 1) { nodes { taxLines { priceSet { shopMoney { amount } } } } }
            } } }
            """;
        var body = await PostAsync(Http, Shop, Query);

        var json = body["data"]!["orders"]!["nodes"]![0]!;
        var line = json["lineItems"]!["nodes"]![0]!;
        Assert.Equal("gid://shopify/LineItem/1001-L1", (string?)line["id"]);
        Assert.Equal("SELLER-1", (string?)line["sku"]);
        Assert.True((bool)line["product"]!["hasOnlyDefaultVariant"]!);
        Assert.Equal("1.50", (string?)line["discountAllocations"]![0]!["allocatedAmountSet"]!["shopMoney"]!["amount"]);

        // Prices include tax by default: 23.80 gross at 19 % holds 3.80 tax.
        Assert.Equal("3.80", (string?)line["taxLines"]![0]!["priceSet"]!["shopMoney"]!["amount"]);
        Assert.Equal(0.19m, (decimal)line["taxLines"]![0]!["rate"]!);
        Assert.Equal("0.78", (string?)json["shippingLines"]!["nodes"]![0]!["taxLines"]![0]!["priceSet"]!["shopMoney"]!["amount"]);
        Assert.Equal("invoice", (string?)json["paymentGatewayNames"]![0]);
    }

    [Fact]
    public async Task FulfillmentCreate_LineSeededWithItsOwnId_ShipmentNamesThatId()
    {
        Shop.SeedArticle(Product(ProductId), 6);
        Shop.SeedOrder(Order(1002, Start) with
        {
            Lines = [new OrderLine { LineId = "1002-L1", ForeignNumber = Product(ProductId), Title = "Mug", Quantity = 1, UnitPrice = new Money(5m, CurrencyCode.Eur) }],
        });
        var ids = Shop.IdsOfOrder("1002")!;
        const string Fulfil = "mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { userErrors { message } } }";

        await PostAsync(Http, Shop, Fulfil, new JsonObject
        {
            ["f"] = new JsonObject
            {
                ["lineItemsByFulfillmentOrder"] = new JsonArray(new JsonObject { ["fulfillmentOrderId"] = ids.FulfillmentOrderId }),
                ["trackingInfo"] = new JsonObject { ["number"] = "T-1", ["company"] = "DHL" },
            },
        });

        var shipment = Assert.Single(Shop.ShipmentsOf("1002"));
        Assert.Equal("1002-L1", Assert.Single(shipment.Lines).LineId);
    }

    private static ForeignNumber Product(string id) => new(ForeignNumberLabel.ShopifyProductId, id);
}
