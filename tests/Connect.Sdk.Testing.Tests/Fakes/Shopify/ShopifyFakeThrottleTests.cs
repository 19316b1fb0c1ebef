using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

public sealed class ShopifyFakeThrottleTests
{
    private const string SixtyOrders = "{ orders(first: 60) { nodes { id } } }";

    private readonly FakeClock _clock = new(Start);

    [Fact]
    public async Task Query_PaysItsActualCost_TheRestOfTheRequestedCostIsRefunded()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        using var http = Client();

        var body = await PostAsync(http, shop, "{ orders(first: 50) { nodes { id } } }");

        var cost = body["extensions"]!["cost"]!;
        Assert.Equal(52, (int)cost["requestedQueryCost"]!);
        Assert.Equal(2, (int)cost["actualQueryCost"]!);
        Assert.Equal(1998, (int)cost["throttleStatus"]!["currentlyAvailable"]!);
        Assert.Equal(1998, shop.CurrentlyAvailable);
    }

    [Fact]
    public async Task DrainedBucket_AnswersThrottled_AndRecoversAsTheClockAdvances()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock }, new ShopifyThrottle(100, 10));
        using var http = Client();
        shop.SeedArticle(Sku("SHIRT-M"), 10);
        for (var i = 0; i < 60; i++)
        {
            shop.SeedOrder(Order(1000 + i, Start));
        }

        var first = await PostAsync(http, shop, SixtyOrders);
        var throttled = await PostAsync(http, shop, SixtyOrders);
        _clock.Advance(Duration.FromSeconds(2));
        var stillThrottled = await PostAsync(http, shop, SixtyOrders);
        _clock.Advance(Duration.FromSeconds(1));
        var recovered = await PostAsync(http, shop, SixtyOrders);

        Assert.Equal(38, (int)first["extensions"]!["cost"]!["throttleStatus"]!["currentlyAvailable"]!);
        Assert.Null(throttled["data"]);
        var error = Assert.Single(throttled["errors"]!.AsArray())!;
        Assert.Equal("Throttled", (string?)error["message"]);
        Assert.Equal(["code"], error["extensions"]!.AsObject().Select(p => p.Key));
        Assert.Equal("THROTTLED", (string?)error["extensions"]!["code"]);
        var cost = throttled["extensions"]!["cost"]!;
        Assert.Equal(62, (int)cost["requestedQueryCost"]!);
        Assert.Null(cost["actualQueryCost"]);
        Assert.Equal(38, (int)cost["throttleStatus"]!["currentlyAvailable"]!);
        Assert.Equal(100, (double)cost["throttleStatus"]!["maximumAvailable"]!);
        Assert.Equal(10, (double)cost["throttleStatus"]!["restoreRate"]!);
        Assert.Equal("THROTTLED", (string?)stillThrottled["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(60, recovered["data"]!["orders"]!["nodes"]!.AsArray().Count);
        Assert.Equal(6, (int)recovered["extensions"]!["cost"]!["throttleStatus"]!["currentlyAvailable"]!);
        Assert.All(shop.Requests, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task Bucket_NeverRefillsBeyondItsSize()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock }, new ShopifyThrottle(100, 10));
        using var http = Client();
        await PostAsync(http, shop, "{ shop { name } }");

        _clock.Advance(Duration.FromHours(1));

        Assert.Equal(100, shop.CurrentlyAvailable);
    }

    [Fact]
    public async Task QueryCostingMoreThanTheBucketHolds_IsRefusedWithMaxCostExceeded_NotThrottledForever()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock }, new ShopifyThrottle(100, 10));
        using var http = Client();

        var body = await PostAsync(http, shop, "{ orders(first: 250) { nodes { id } } }");

        Assert.Equal("MAX_COST_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(100, shop.CurrentlyAvailable);
    }

    [Fact]
    public async Task NestedConnections_MultiplyTheirFirst_IntoTheRequestedCost()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        using var http = Client();

        // 2 + 10 × (order 1 + lineItems (2 + 5 × (line 1 + variant 1)) + totalPriceSet 1 + shopMoney 1); scalars and pageInfo 0.
        var nodes = await PostAsync(http, shop, """
            query($n: Int!) {
              orders(first: $n) {
                nodes { id name totalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { id variant { id } } pageInfo { hasNextPage } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """, new JsonObject { ["n"] = 10 });

        // The edges form costs the same; so does an aliased field.
        var edges = await PostAsync(http, shop, "{ o: orders(first: 10) { edges { cursor node { id lineItems(first: 5) { edges { node { id variant { id } } } } } } } }");

        Assert.Equal(2 + (10 * (1 + (2 + (5 * 2)) + 2)), (int)nodes["extensions"]!["cost"]!["requestedQueryCost"]!);
        Assert.Equal(2 + (10 * (1 + 2 + (5 * 2))), (int)edges["extensions"]!["cost"]!["requestedQueryCost"]!);
    }

    [Fact]
    public async Task ObjectsCostOne_ScalarsNothing_ListsWithFirstTheirCountOfElements()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        using var http = Client();

        var shopQuery = await PostAsync(http, shop, "{ shop { name myshopifyDomain } }");
        var order = await PostAsync(http, shop, """{ order(id: "gid://shopify/Order/1") { id fulfillments(first: 20) { id trackingInfo { number } } } }""");

        Assert.Equal(1, (int)shopQuery["extensions"]!["cost"]!["requestedQueryCost"]!);
        Assert.Equal(1 + (20 * 2), (int)order["extensions"]!["cost"]!["requestedQueryCost"]!);
    }

    [Fact]
    public async Task QueryRequestingMoreThan1000Points_IsRefusedWithMaxCostExceeded_EvenWithRoomInTheBucket()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock }, new ShopifyThrottle(20000, 1000));
        using var http = Client();

        // 2 + 50 × (1 + 2 + 50 × 2) = 5152: what a page of orders with their lines costs at 50 and 50.
        var body = await PostAsync(http, shop, "{ orders(first: 50) { nodes { id lineItems(first: 50) { nodes { id variant { id } } } } } }");

        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("MAX_COST_EXCEEDED", (string?)error["extensions"]!["code"]);
        Assert.StartsWith("Query cost is 5152, which exceeds the single query max cost limit (1000).", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(20000, shop.CurrentlyAvailable);
    }

    [Fact]
    public async Task ConnectionWithoutFirstOrLast_IsRefusedNamingItsPath_AndCostsItsTwoPoints()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        using var http = Client();
        shop.SeedArticle(Sku("SHIRT-M"), 10);
        shop.SeedOrder(Order(1001, Start));

        var root = await PostAsync(http, shop, "{ orders { edges { node { id } } } }");
        var nested = await PostAsync(http, shop, "{ orders(first: 1) { nodes { id lineItems { nodes { id } } } } }");

        Assert.Null(root["data"]);
        var error = Assert.Single(root["errors"]!.AsArray())!;
        Assert.Equal("you must provide one of first or last", (string?)error["message"]);
        Assert.Equal(["orders"], error["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(2, (int)root["extensions"]!["cost"]!["requestedQueryCost"]!);
        Assert.Equal(["orders", "nodes", "lineItems"], nested["errors"]![0]!["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(2 + (1 * (1 + 2)), (int)nested["extensions"]!["cost"]!["requestedQueryCost"]!);
        Assert.Equal(2000 - 2 - 5, shop.CurrentlyAvailable);
    }

    [Fact]
    public async Task MutationCostsTen_WhateverItSelects()
    {
        await using var shop = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        using var http = Client();

        var body = await PostAsync(http, shop, """mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id trackingInfo { number } } userErrors { field message } } }""", new JsonObject { ["f"] = new JsonObject { ["lineItemsByFulfillmentOrder"] = new JsonArray() } });

        Assert.Equal(10, (int)body["extensions"]!["cost"]!["requestedQueryCost"]!);
    }
}
