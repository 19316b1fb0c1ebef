using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

/// <summary>
/// An order whose lines are split over several fulfillment orders: each lists its part of the lines, ships on its own
/// and shows the fulfillments made from it; the order's own fulfillments are a list cut by <c>first</c>.
/// </summary>
public sealed class ShopifyFakeFulfillmentOrderTests : ShopifyFakeTestBase
{
    private const string FulfillmentOrders = """
        query($id: ID!, $first: Int!, $after: String) {
          order(id: $id) {
            fulfillmentOrders(first: $first, after: $after) {
              nodes {
                id status
                lineItems(first: 10) { nodes { id totalQuantity remainingQuantity lineItem { id } } }
                fulfillments(first: 10) { nodes { id trackingInfo { number } } }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """;

    private const string Fulfil = """
        mutation Fulfil($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } }
        }
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shop.SeedArticle(Sku("SHIRT-M"), 10);

        // Line a (3 units) over two fulfillment orders, line b (1 unit) on a third.
        Shop.SeedOrder(Order(1001, Start, quantity: 3, secondQuantity: 1), [[new ShippedLine("a", 2)], [new ShippedLine("a", 1)], [new ShippedLine("b", 1)]]);
    }

    [Fact]
    public async Task SplitOrder_ListsEachFulfillmentOrderWithItsPartOfTheLines_PageByPage()
    {
        var orderId = Shop.IdsOfOrder("1001")!.OrderId;

        var first = await PostAsync(Http, Shop, FulfillmentOrders, new JsonObject { ["id"] = orderId, ["first"] = 2, ["after"] = null });
        var page = first["data"]!["order"]!["fulfillmentOrders"]!;
        var rest = await PostAsync(Http, Shop, FulfillmentOrders, new JsonObject { ["id"] = orderId, ["first"] = 2, ["after"] = (string?)page["pageInfo"]!["endCursor"] });

        var nodes = page["nodes"]!.AsArray().Concat(rest["data"]!["order"]!["fulfillmentOrders"]!["nodes"]!.AsArray()).ToList();
        Assert.True((bool)page["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(3, nodes.Select(n => (string?)n!["id"]).Distinct().Count());
        Assert.Equal(
            [("a", 2), ("a", 1), ("b", 1)],
            nodes.Select(n => n!["lineItems"]!["nodes"]![0]!).Select(l => (((string)l["lineItem"]!["id"]!).Split('/')[^1], (int)l["totalQuantity"]!)));
        Assert.All(nodes, n => Assert.Equal("OPEN", (string?)n!["status"]));
        Assert.Equal(Shop.IdsOfOrder("1001")!.FulfillmentOrderId, (string?)nodes[0]!["id"]);
    }

    [Fact]
    public async Task FulfillmentCreate_FromOneFulfillmentOrder_ShipsOnlyItsPart_UntilTheOthersShipToo()
    {
        var orderId = Shop.IdsOfOrder("1001")!.OrderId;
        var before = await NodesAsync(orderId);

        var one = await PostAsync(Http, Shop, Fulfil, Fulfillment("T-1", (string)before[1]["id"]!));
        var between = await NodesAsync(orderId);
        var statusBetween = Shop.StatusOf("1001");
        var both = await PostAsync(Http, Shop, Fulfil, Fulfillment("T-2", (string)before[0]["id"]!, (string)before[2]["id"]!));
        var after = await NodesAsync(orderId);

        Assert.Empty(one["data"]!["fulfillmentCreate"]!["userErrors"]!.AsArray());
        Assert.Equal(["OPEN", "CLOSED", "OPEN"], between.Select(n => (string?)n["status"]));
        Assert.Equal(OrderStatus.PartiallyShipped, statusBetween);
        Assert.Equal([new ShippedLine("a", 1)], Shop.ShipmentsOf("1001")[0].Lines);
        Assert.Equal(["T-1"], TrackingNumbers(between[1]));
        Assert.Empty(TrackingNumbers(between[0]));

        Assert.Empty(both["data"]!["fulfillmentCreate"]!["userErrors"]!.AsArray());
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf("1001"));
        Assert.All(after, n => Assert.Equal("CLOSED", (string?)n["status"]));
        Assert.Equal([["T-2"], ["T-1"], ["T-2"]], after.Select(TrackingNumbers));
    }

    [Fact]
    public async Task OrderFulfillments_AreAListCutByFirst_OldestFirst()
    {
        var ids = Shop.IdsOfOrder("1001")!;
        var nodes = await NodesAsync(ids.OrderId);
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(Http, Shop, Fulfil, Fulfillment("T-" + i, (string)nodes[i]["id"]!));
        }

        var body = await PostAsync(Http, Shop, "query($id: ID!) { order(id: $id) { fulfillments(first: 2) { id trackingInfo { number } } } }", new JsonObject { ["id"] = ids.OrderId });

        Assert.Equal(["T-0", "T-1"], body["data"]!["order"]!["fulfillments"]!.AsArray().Select(f => (string?)f!["trackingInfo"]![0]!["number"]));
        Assert.Equal(3, Shop.ShipmentsOf("1001").Count);
    }

    [Fact]
    public void SeedOrder_SplitThatDoesNotHoldEveryUnit_IsRefused()
    {
        var missing = Assert.Throws<ArgumentException>(() => Shop.SeedOrder(Order(1002, Start, quantity: 3), [[new ShippedLine("a", 2)]]));
        var unknown = Assert.Throws<ArgumentException>(() => Shop.SeedOrder(Order(1003, Start, quantity: 1), [[new ShippedLine("a", 1), new ShippedLine("z", 1)]]));

        Assert.Contains("hold 2 unit(s) of line a, which has 3", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no line z", unknown.Message, StringComparison.Ordinal);
        Assert.Null(Shop.StatusOf("1002"));
    }

    private static List<string?> TrackingNumbers(JsonNode fulfillmentOrder) =>
        [.. fulfillmentOrder["fulfillments"]!["nodes"]!.AsArray().Select(f => (string?)f!["trackingInfo"]![0]!["number"])];

    private static JsonObject Fulfillment(string tracking, params string[] fulfillmentOrderIds) => new()
    {
        ["fulfillment"] = new JsonObject
        {
            ["lineItemsByFulfillmentOrder"] = new JsonArray([.. fulfillmentOrderIds.Select(id => (JsonNode)new JsonObject { ["fulfillmentOrderId"] = id })]),
            ["trackingInfo"] = new JsonObject { ["number"] = tracking, ["company"] = "UPS" },
            ["notifyCustomer"] = false,
        },
    };

    private async Task<List<JsonNode>> NodesAsync(string orderId)
    {
        var body = await PostAsync(Http, Shop, FulfillmentOrders, new JsonObject { ["id"] = orderId, ["first"] = 5, ["after"] = null });
        return [.. body["data"]!["order"]!["fulfillmentOrders"]!["nodes"]!.AsArray().Select(n => n!)];
    }
}
