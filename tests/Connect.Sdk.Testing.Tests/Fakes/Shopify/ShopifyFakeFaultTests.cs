using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Faults;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Shopify.ShopifyTestShop;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopify;

public sealed class ShopifyFakeFaultTests
{
    private const string ShopQuery = "{ shop { name } }";
    private const string OrdersQuery = "{ orders(first: 5) { nodes { id } } }";

    private readonly FakeClock _clock = new(Start);

    [Theory]
    [InlineData(FaultKind.ServerError, HttpStatusCode.InternalServerError, "Internal Server Error")]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "Service Unavailable")]
    [InlineData(FaultKind.TooManyRequests, HttpStatusCode.TooManyRequests, "Throttled")]
    public async Task FaultOnAGraphQLOperation_StrikesThatOperationOnly(FaultKind kind, HttpStatusCode status, string errors)
    {
        await using var shop = StartShop(new FaultPlan().Next(kind, operation: "graphql.orders"));
        using var http = Client();

        var other = await PostRawAsync(http, shop, ShopQuery);
        var faulted = await PostRawAsync(http, shop, OrdersQuery);
        var next = await PostRawAsync(http, shop, OrdersQuery);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(status, faulted.Status);
        Assert.Equal(errors, (string?)JsonNode.Parse(faulted.Body)!["errors"]);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("graphql.orders", Assert.Single(shop.Faults.Injected).Operation);
    }

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TooManyRequests)]
    public async Task FaultAnswer_CarriesTheApiVersion(FaultKind kind)
    {
        await using var shop = StartShop(new FaultPlan().Next(kind));
        using var http = Client();
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", System.Text.Encoding.UTF8, "application/json");

        using var faulted = await http.PostAsync(shop.GraphQLAddress("2026-04"), content);

        Assert.NotEqual(HttpStatusCode.OK, faulted.StatusCode);
        Assert.Equal("2026-04", Assert.Single(faulted.Headers.GetValues("X-Shopify-API-Version")));
    }

    [Fact]
    public async Task Faults_AreDrawnOncePerRequest()
    {
        await using var shop = StartShop(new FaultPlan().Next(FaultKind.ServerError, operation: "graphql.orders"));
        using var http = Client();

        await PostRawAsync(http, shop, ShopQuery);
        await PostRawAsync(http, shop, ShopQuery);
        await PostRawAsync(http, shop, OrdersQuery);

        Assert.Equal(3, Assert.Single(shop.Faults.Injected).RequestNumber);
    }

    [Fact]
    public async Task GraphQLBodyOnAnUnknownPath_IsNotNamedAfterItsRootField()
    {
        await using var shop = StartShop(new FaultPlan().Next(FaultKind.ServerError, operation: "graphql.shop"));
        using var http = Client();
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", System.Text.Encoding.UTF8, "application/json");

        using var unknown = await http.PostAsync(new Uri(shop.BaseAddress, "admin/api/2026-04/nothing.json"), content);
        var faulted = await PostRawAsync(http, shop, ShopQuery);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.Status);
    }

    [Fact]
    public async Task RandomFault_StrikesAboutItsShareOfRequests()
    {
        await using var shop = StartShop(new FaultPlan(seed: 7).Randomly(FaultKind.ServerError, 0.25));
        using var http = Client();

        var failed = 0;
        for (var i = 0; i < 200; i++)
        {
            failed += (await PostRawAsync(http, shop, ShopQuery)).Status == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        // One draw per request: about 50 of 200, not the 88 two draws a request would strike.
        Assert.Equal(failed, shop.Faults.Injected.Count);
        Assert.All(shop.Faults.Injected, f => Assert.InRange(f.RequestNumber, 1, 200));
        Assert.InRange(failed, 30, 70);
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfter()
    {
        await using var shop = StartShop(new FaultPlan().Next(FaultKind.TooManyRequests, operation: "graphql.shop"));
        using var http = Client();
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(shop.GraphQLAddress(), content);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task DroppedConnectionOnTheEndpoint_ClientSeesHttpRequestException()
    {
        await using var shop = StartShop(new FaultPlan().Next(FaultKind.DroppedConnection, operation: "graphql"));
        using var http = Client();

        await Assert.ThrowsAsync<HttpRequestException>(() => PostRawAsync(http, shop, ShopQuery));
        var next = await PostRawAsync(http, shop, ShopQuery);

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal([0, 200], shop.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(FaultKind.MalformedJson)]
    [InlineData(FaultKind.TruncatedJson)]
    public async Task BodyFault_Answers200WithABodyThatIsNotJson(FaultKind kind)
    {
        await using var shop = StartShop(new FaultPlan().Next(kind, operation: "graphql.inventorySetQuantities"));
        using var http = Client();
        shop.SeedArticle(Sku("SHIRT-M"), 1);
        var variables = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["name"] = "available",
                ["reason"] = "correction",
                ["quantities"] = new JsonArray(new JsonObject
                {
                    ["inventoryItemId"] = shop.IdsOf(Sku("SHIRT-M"))!.InventoryItemId,
                    ["locationId"] = $"gid://shopify/Location/{shop.LocationId}",
                    ["quantity"] = 4,
                    ["changeFromQuantity"] = 1,
                }),
            },
        };

        var (status, body) = await PostRawAsync(http, shop, """mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: "k") { userErrors { code } } }""", variables);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
        Assert.Equal(kind == FaultKind.MalformedJson, body.Contains("There was an error processing your request.", StringComparison.Ordinal));

        // A truncated answer is an answer the shop really gave: the change happened, the client just cannot read it.
        Assert.Equal(kind == FaultKind.TruncatedJson ? 4 : 1, shop.StockOf(Sku("SHIRT-M")));
    }

    [Fact]
    public async Task BodyThatIsNotAGraphQLRequest_Answers400()
    {
        await using var shop = StartShop(new FaultPlan());
        using var http = Client();
        using var content = new StringContent("not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(shop.GraphQLAddress(), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private ShopifyFake StartShop(FaultPlan faults) => ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock, Faults = faults });
}
