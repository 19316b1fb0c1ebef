using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

public sealed class ShopifyFakeOrderTests : ShopifyFakeTestBase
{
    private const string OrdersQuery = """
        query Orders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            pageInfo { hasNextPage endCursor }
            nodes { id name updatedAt }
            edges { cursor }
          }
        }
        """;

    private const string Fulfil = """
        mutation Fulfil($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status trackingInfo { number company url } }
            userErrors { field message }
          }
        }
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shop.SeedArticle(Sku("SHIRT-M"), 10);
    }

    [Fact]
    public async Task Orders_120Orders_PageThroughWithEndCursor()
    {
        for (var i = 0; i < 120; i++)
        {
            Shop.SeedOrder(Order(1000 + i, Start + Duration.FromMinutes(i)));
        }

        var names = new List<string>();
        string? after = null;
        var pages = 0;
        bool more;
        do
        {
            var body = await PostAsync(Http, Shop, OrdersQuery, new JsonObject { ["first"] = 50, ["after"] = after });
            var orders = body["data"]!["orders"]!;
            names.AddRange(orders["nodes"]!.AsArray().Select(n => (string)n!["name"]!));
            more = (bool)orders["pageInfo"]!["hasNextPage"]!;
            after = (string?)orders["pageInfo"]!["endCursor"];
            pages++;
            Assert.Equal(orders["nodes"]!.AsArray().Count, orders["edges"]!.AsArray().Count);
            Assert.Equal(after, (string?)orders["edges"]!.AsArray().Last()!["cursor"]);
        }
        while (more && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1000, 120).Select(i => $"#{i}"), names);
    }

    [Fact]
    public async Task Orders_UpdatedAtFilter_AnswersOnlyLaterOrders()
    {
        Shop.SeedOrder(Order(1001, Start));
        Shop.SeedOrder(Order(1002, Start + Duration.FromHours(2)));

        var body = await PostAsync(Http, Shop, OrdersQuery, new JsonObject { ["first"] = 10, ["query"] = "updated_at:>'2026-11-01T09:00:00Z'" });

        var order = Assert.Single(body["data"]!["orders"]!["nodes"]!.AsArray())!;
        Assert.Equal("#1002", (string?)order["name"]);
        Assert.Equal("2026-11-01T10:00:00Z", (string?)order["updatedAt"]);
    }

    [Fact]
    public async Task Orders_FirstAbove250_IsRefused()
    {
        var body = await PostAsync(Http, Shop, OrdersQuery, new JsonObject { ["first"] = 251 });

        Assert.Null(body["data"]);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task OrderByName_ThenById_AnswersLinesMoneyAndFulfillmentOrders()
    {
        Shop.SeedOrder(Order(1001, Start));

        var byName = await PostAsync(Http, Shop, """{ orders(first: 1, query: "name:#1001") { nodes { id } } }""");
        var id = (string)byName["data"]!["orders"]!["nodes"]![0]!["id"]!;
        var body = await PostAsync(Http, Shop, "query($id: ID!) { order(id: $id) { id name displayFulfillmentStatus totalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { sku originalUnitPriceSet { shopMoney { amount } } variant { id } } } fulfillmentOrders(first: 5) { nodes { status lineItems(first: 5) { nodes { remainingQuantity } } } } } }", new JsonObject { ["id"] = id });

        var order = body["data"]!["order"]!;
        Assert.Equal("#1001", (string?)order["name"]);
        Assert.Equal("UNFULFILLED", (string?)order["displayFulfillmentStatus"]);
        Assert.Equal("29.90", (string?)order["totalPriceSet"]!["shopMoney"]!["amount"]);
        var line = order["lineItems"]!["nodes"]![0]!;
        Assert.Equal("SHIRT-M", (string?)line["sku"]);
        Assert.Equal("12.50", (string?)line["originalUnitPriceSet"]!["shopMoney"]!["amount"]);
        Assert.Equal(Shop.IdsOf(Sku("SHIRT-M"))!.VariantId, (string?)line["variant"]!["id"]);
        var fulfillmentOrder = order["fulfillmentOrders"]!["nodes"]![0]!;
        Assert.Equal("OPEN", (string?)fulfillmentOrder["status"]);
        Assert.Equal(2, (int)fulfillmentOrder["lineItems"]!["nodes"]![0]!["remainingQuantity"]!);
        Assert.Equal(Shop.IdsOfOrder("1001")!.OrderId, id);
    }

    [Fact]
    public async Task FulfillmentCreate_PartOfALine_ShipsItAndLeavesTheRestOpen()
    {
        Shop.SeedOrder(Order(1001, Start, quantity: 3, secondQuantity: 1));
        var (orderId, fulfillmentOrderId) = Shop.IdsOfOrder("1001")!;
        var lines = await FulfillmentOrderLinesAsync(orderId);

        Clock.Advance(Duration.FromHours(1));
        var body = await PostAsync(Http, Shop, Fulfil, Fulfillment(fulfillmentOrderId, "1Z999", [(lines[0].Id, 2)]));

        var result = body["data"]!["fulfillmentCreate"]!;
        Assert.Empty(result["userErrors"]!.AsArray());
        Assert.Equal("1Z999", (string?)result["fulfillment"]!["trackingInfo"]![0]!["number"]);
        Assert.Equal(OrderStatus.PartiallyShipped, Shop.StatusOf("1001"));
        var shipment = Assert.Single(Shop.ShipmentsOf("#1001"));
        Assert.Equal(new FakeShipment("1Z999", "UPS", [new ShippedLine(lines[0].LineItemNumber, 2)]), shipment with { Lines = [.. shipment.Lines] }, new ShipmentComparer());
        var after = await FulfillmentOrderLinesAsync(orderId);
        Assert.Equal([1, 1], after.Select(l => l.Remaining));

        var rest = await PostAsync(Http, Shop, Fulfil, Fulfillment(fulfillmentOrderId, "1Z1000", lineItems: null));

        Assert.Empty(rest["data"]!["fulfillmentCreate"]!["userErrors"]!.AsArray());
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf("1001"));
        Assert.Equal(2, Shop.ShipmentsOf("1001").Count);
        Assert.Equal([1, 1], Shop.ShipmentsOf("1001")[1].Lines.Select(l => l.Quantity));
    }

    [Fact]
    public async Task FulfillmentCreate_MoreThanRemains_AnswersUserErrorAndShipsNothing()
    {
        Shop.SeedOrder(Order(1001, Start));
        var (orderId, fulfillmentOrderId) = Shop.IdsOfOrder("1001")!;
        var lines = await FulfillmentOrderLinesAsync(orderId);

        var body = await PostAsync(Http, Shop, Fulfil, Fulfillment(fulfillmentOrderId, "1Z999", [(lines[0].Id, 3)]));
        var unknown = await PostAsync(Http, Shop, Fulfil, Fulfillment("gid://shopify/FulfillmentOrder/9007199254749999", "1Z999", lineItems: null));

        Assert.Null(body["data"]!["fulfillmentCreate"]!["fulfillment"]);
        Assert.Single(body["data"]!["fulfillmentCreate"]!["userErrors"]!.AsArray());
        Assert.Equal("Fulfillment order does not exist.", (string?)unknown["data"]!["fulfillmentCreate"]!["userErrors"]![0]!["message"]);
        Assert.Empty(Shop.ShipmentsOf("1001"));
        Assert.Equal(OrderStatus.Open, Shop.StatusOf("1001"));
    }

    private static JsonObject Fulfillment(string fulfillmentOrderId, string tracking, IReadOnlyList<(string Id, int Quantity)>? lineItems)
    {
        var group = new JsonObject { ["fulfillmentOrderId"] = fulfillmentOrderId };
        if (lineItems is not null)
        {
            group["fulfillmentOrderLineItems"] = new JsonArray(lineItems.Select(l => (JsonNode)new JsonObject { ["id"] = l.Id, ["quantity"] = l.Quantity }).ToArray());
        }

        return new JsonObject
        {
            ["fulfillment"] = new JsonObject
            {
                ["lineItemsByFulfillmentOrder"] = new JsonArray(group),
                ["trackingInfo"] = new JsonObject { ["number"] = tracking, ["company"] = "UPS", ["url"] = $"https://www.ups.com/track?tracknum={tracking}" },
                ["notifyCustomer"] = false,
            },
        };
    }

    [Fact]
    public async Task NestedLineItems_HonourFirstAndAfter_SoAClientReadsTheRestWithAFollowUp()
    {
        Shop.SeedOrder(Order(1001, Start, secondQuantity: 1));
        var ids = Shop.IdsOfOrder("1001")!;
        const string Lines = "query($id: ID!, $after: String) { order(id: $id) { lineItems(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }";

        var first = await PostAsync(Http, Shop, Lines, new JsonObject { ["id"] = ids.OrderId, ["after"] = null });
        var cursor = (string)first["data"]!["order"]!["lineItems"]!["pageInfo"]!["endCursor"]!;
        var second = await PostAsync(Http, Shop, Lines, new JsonObject { ["id"] = ids.OrderId, ["after"] = cursor });
        var page = await PostAsync(Http, Shop, "{ orders(first: 1) { nodes { lineItems(first: 1) { nodes { id } pageInfo { hasNextPage } } } } }");

        Assert.Single(first["data"]!["order"]!["lineItems"]!["nodes"]!.AsArray());
        Assert.True((bool)first["data"]!["order"]!["lineItems"]!["pageInfo"]!["hasNextPage"]!);
        var rest = second["data"]!["order"]!["lineItems"]!;
        Assert.Single(rest["nodes"]!.AsArray());
        Assert.NotEqual((string?)first["data"]!["order"]!["lineItems"]!["nodes"]![0]!["id"], (string?)rest["nodes"]![0]!["id"]);
        Assert.False((bool)rest["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)page["data"]!["orders"]!["nodes"]![0]!["lineItems"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task FulfillmentOrder_ById_PagesItsLineItems()
    {
        Shop.SeedOrder(Order(1001, Start, secondQuantity: 1));
        var ids = Shop.IdsOfOrder("1001")!;

        var body = await PostAsync(Http, Shop, "query($id: ID!) { fulfillmentOrder(id: $id) { id lineItems(first: 1) { nodes { id remainingQuantity } pageInfo { hasNextPage } } } }", new JsonObject { ["id"] = ids.FulfillmentOrderId });

        var fulfillmentOrder = body["data"]!["fulfillmentOrder"]!;
        Assert.Equal(ids.FulfillmentOrderId, (string?)fulfillmentOrder["id"]);
        Assert.Single(fulfillmentOrder["lineItems"]!["nodes"]!.AsArray());
        Assert.True((bool)fulfillmentOrder["lineItems"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(1 + 2 + 1, (int)body["extensions"]!["cost"]!["requestedQueryCost"]!);
    }

    private async Task<List<(string Id, string LineItemNumber, int Remaining)>> FulfillmentOrderLinesAsync(string orderId)
    {
        var body = await PostAsync(Http, Shop, "query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id lineItems(first: 10) { nodes { id remainingQuantity lineItem { id } } } } } } }", new JsonObject { ["id"] = orderId });
        return body["data"]!["order"]!["fulfillmentOrders"]!["nodes"]![0]!["lineItems"]!["nodes"]!.AsArray()
            .Select(n =>
            {
                var lineItem = (string)n!["lineItem"]!["id"]!;
                return ((string)n["id"]!, lineItem[(lineItem.LastIndexOf('/') + 1)..], (int)n["remainingQuantity"]!);
            })
            .ToList();
    }

    private sealed class ShipmentComparer : IEqualityComparer<FakeShipment>
    {
        public bool Equals(FakeShipment? x, FakeShipment? y) =>
            x is not null && y is not null && x.TrackingNumber == y.TrackingNumber && x.Carrier == y.Carrier && x.Lines.SequenceEqual(y.Lines);

        public int GetHashCode(FakeShipment obj) => obj.TrackingNumber.GetHashCode(StringComparison.Ordinal);
    }
}
