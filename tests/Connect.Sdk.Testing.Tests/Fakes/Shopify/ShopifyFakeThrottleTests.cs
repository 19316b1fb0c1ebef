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
}
