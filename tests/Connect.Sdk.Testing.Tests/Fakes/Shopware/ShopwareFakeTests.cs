using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Testing.Tests.Fakes.Shopware;

/// <summary>The Shopware fake over raw HTTP: tokens, Criteria, associations and the delivery's state machine.</summary>
public sealed class ShopwareFakeTests : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 8, 0);
    private readonly FakeClock _clock = new(Start);
    // One client for every test, as HttpClient is meant to be shared.
    private static readonly HttpClient Http = new();
    private ShopwareFake _shop = null!;

    public Task InitializeAsync()
    {
        _shop = ShopwareFake.Start(new ShopwareCredentials("SWIATEST", "test-secret"), new MarketplaceFakeOptions { Clock = _clock });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Token_AfterExpiresIn_Refused401()
    {
        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetVersionAsync(token)).Status);

        _clock.Advance(Duration.FromSeconds(3600));

        var (status, body) = await GetVersionAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("9", (string?)JsonNode.Parse(body)!["errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Token_WrongSecret_Refused401InvalidClient()
    {
        var (status, body) = await PostAsync("/api/oauth/token", new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = "SWIATEST", ["client_secret"] = "nope" }, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string?)JsonNode.Parse(body)!["errors"]![0]!["meta"]!["error"]);
    }

    [Fact]
    public async Task OrderSearch_MultiOrRange_NewOrdersByCreatedAtAndChangedOnesByUpdatedAt()
    {
        _shop.SeedArticle(Number("MUG"), 1);
        _shop.SeedOrder(Order("10001", Start - Duration.FromDays(2)));
        _shop.SeedOrder(Order("10002", Start - Duration.FromDays(2)));
        _shop.SeedOrder(Order("10003", Start));
        _clock.Advance(Duration.FromMinutes(1));
        _shop.ChangeOrder("10002", _ => { });
        var since = "2026-10-31T12:00:00.000+00:00";
        var criteria = new JsonObject
        {
            ["total-count-mode"] = 1,
            ["filter"] = new JsonArray(new JsonObject
            {
                ["type"] = "multi",
                ["operator"] = "OR",
                ["queries"] = new JsonArray(
                    new JsonObject { ["type"] = "range", ["field"] = "updatedAt", ["parameters"] = new JsonObject { ["gte"] = since } },
                    new JsonObject { ["type"] = "range", ["field"] = "createdAt", ["parameters"] = new JsonObject { ["gte"] = since } }),
            }),
            ["sort"] = new JsonArray(new JsonObject { ["field"] = "orderNumber", ["order"] = "DESC" }),
        };

        var result = JsonNode.Parse((await PostAsync("/api/search/order", criteria)).Body)!;

        Assert.Equal(2, (int)result["total"]!);
        Assert.Equal(["10003", "10002"], result["data"]!.AsArray().Select(o => (string?)o!["orderNumber"]));
    }

    [Fact]
    public async Task OrderSearch_WithoutAssociations_OnlyTheOrdersOwnFields()
    {
        _shop.SeedArticle(Number("MUG"), 1);
        _shop.SeedOrder(Order("10001", Start));

        var plain = JsonNode.Parse((await PostAsync("/api/search/order", new JsonObject())).Body)!["data"]![0]!.AsObject();
        var withLines = JsonNode.Parse((await PostAsync("/api/search/order", new JsonObject { ["associations"] = new JsonObject { ["lineItems"] = new JsonObject() } })).Body)!["data"]![0]!.AsObject();

        Assert.False(plain.ContainsKey("lineItems"));
        Assert.False(plain.ContainsKey("deliveries"));
        Assert.Equal("MUG", (string?)withLines["lineItems"]![0]!["payload"]!["productNumber"]);
        Assert.Null((string?)plain["updatedAt"]);
    }

    [Fact]
    public async Task Search_WithoutTotalCountMode_TotalIsThePagesCount()
    {
        for (var i = 1; i <= 5; i++)
        {
            _shop.SeedArticle(Number($"A-{i}"), i);
        }

        var counted = JsonNode.Parse((await PostAsync("/api/search/product", new JsonObject { ["limit"] = 2, ["total-count-mode"] = 1 })).Body)!;
        var uncounted = JsonNode.Parse((await PostAsync("/api/search/product", new JsonObject { ["limit"] = 2 })).Body)!;

        Assert.Equal(5, (int)counted["total"]!);
        Assert.Equal(2, (int)uncounted["total"]!);
    }

    [Fact]
    public async Task Search_WithoutAcceptJson_Refused406()
    {
        var (status, _) = await PostAsync("/api/search/product", new JsonObject(), accept: "application/vnd.api+json");

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Transition_FromAStateThatDoesNotAllowIt_Refused400WithThePossibleOnes()
    {
        _shop.SeedArticle(Number("MUG"), 1);
        _shop.SeedOrder(Order("10001", Start));
        var delivery = (string)_shop.Orders()[0]["deliveries"]![0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/api/_action/order_delivery/{delivery}/state/ship", null)).Status);

        var (status, body) = await PostAsync($"/api/_action/order_delivery/{delivery}/state/ship_partially", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = JsonNode.Parse(body)!["errors"]![0]!;
        Assert.Equal("SYSTEM__ILLEGAL_STATE_TRANSITION", (string?)error["code"]);
        Assert.Equal("Illegal transition \"ship_partially\" from state \"shipped\". Possible transitions are: retour, retour_partially, cancel", (string?)error["detail"]);
        Assert.Equal(OrderStatus.Shipped, _shop.StatusOf("10001"));
    }

    [Fact]
    public async Task Sync_PriceWithoutTheDefaultCurrency_RefusedAndNothingWritten()
    {
        _shop.SeedArticle(Number("MUG"), 1);
        var id = (string)_shop.Product("MUG")!["id"]!;
        var body = new JsonArray(new JsonObject
        {
            ["entity"] = "product",
            ["action"] = "upsert",
            ["payload"] = new JsonArray(
                new JsonObject { ["id"] = id, ["stock"] = 5 },
                new JsonObject { ["id"] = id, ["price"] = new JsonArray(new JsonObject { ["currencyId"] = "0123456789abcdef0123456789abcdef", ["net"] = 1, ["gross"] = 1.19, ["linked"] = true }) }),
        });

        var (status, answer) = await PostAsync("/api/_action/sync", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/0/1/price", (string?)JsonNode.Parse(answer)!["errors"]![0]!["source"]!["pointer"]);
        Assert.Equal(1, _shop.StockOf(Number("MUG")));
    }

    private static ForeignNumber Number(string value) => new(ForeignNumberLabel.ArticleNumber, value);

    private static MarketplaceOrder Order(string number, Instant at) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = number,
        CreatedAt = at,
        UpdatedAt = at,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [new OrderLine { LineId = number + "01", ForeignNumber = Number("MUG"), Title = "Mug", Quantity = 1, UnitPrice = new Money(9.99m, CurrencyCode.Eur) }],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
    };

    private async Task<string> TokenAsync()
    {
        var (_, body) = await PostAsync("/api/oauth/token", new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = "SWIATEST", ["client_secret"] = "test-secret" }, token: null);
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetVersionAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_shop.BaseAddress, "api/_info/version"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, JsonNode? body, string? token = "", string accept = "application/json")
    {
        token = token == string.Empty ? await TokenAsync() : token;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_shop.BaseAddress, path.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
