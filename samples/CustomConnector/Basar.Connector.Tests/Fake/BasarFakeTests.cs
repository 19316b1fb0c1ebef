using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Basar.Connector.Fake;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;
using NodaTime.Testing;

namespace Basar.Connector.Tests.Fake;

/// <summary>The fake's own behaviour, over plain HTTP: what Basar's documentation promises, the fake must do.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit calls DisposeAsync after each test.")]
public sealed class BasarFakeTests : IAsyncLifetime
{
    private const string Token = "basar-fake-test-b81c";

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 10, 0));
    private BasarFake _fake = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _fake = BasarFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock });
        _http = new HttpClient { BaseAddress = new Uri(_fake.BaseAddress, BasarApi.Root) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-token")]
    [InlineData("Basic YmFzYXI6c2VjcmV0")]
    public async Task Ping_WithoutTheToken_Is401Unauthorized(string? authorization)
    {
        using var response = await SendAsync(HttpMethod.Get, "ping", authorization: authorization ?? string.Empty);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(BasarErrorCodes.Unauthorized, (string?)(await JsonAsync(response))["error"]!["code"]);
    }

    [Fact]
    public async Task Ping_WithTheToken_NamesTheShop()
    {
        using var response = await SendAsync(HttpMethod.Get, "ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Basar Testshop", (string?)(await JsonAsync(response))["shopName"]);
    }

    [Fact]
    public async Task OrdersList_LimitTwo_FollowsTheCursorThroughEveryOrderOnce()
    {
        _fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 10);
        for (var i = 1; i <= 5; i++)
        {
            // Two orders share a change time, so the cursor must break ties by number.
            _fake.SeedOrder(BasarTestOrders.Simple($"B-{i}", _clock.GetCurrentInstant() + Duration.FromMinutes(i / 2), "OF-1"));
        }

        var numbers = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            using var response = await SendAsync(HttpMethod.Get, "orders?updatedSince=2026-11-23T09:00:00Z&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var page = await JsonAsync(response);
            numbers.AddRange(page["orders"]!.AsArray().Select(o => (string)o!["number"]!));
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["B-1", "B-2", "B-3", "B-4", "B-5"], numbers);
    }

    [Fact]
    public async Task OrdersList_UpdatedSince_LeavesOutOlderChanges()
    {
        _fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 10);
        _fake.SeedOrder(BasarTestOrders.Simple("OLD", _clock.GetCurrentInstant() - Duration.FromHours(2), "OF-1"));
        _fake.SeedOrder(BasarTestOrders.Simple("NEW", _clock.GetCurrentInstant(), "OF-1"));

        using var response = await SendAsync(HttpMethod.Get, "orders?updatedSince=2026-11-23T09:00:00Z");

        Assert.Equal(["NEW"], (await JsonAsync(response))["orders"]!.AsArray().Select(o => (string)o!["number"]!));
    }

    [Fact]
    public async Task OrdersList_ForgedCursor_Is400InvalidCursor()
    {
        using var response = await SendAsync(HttpMethod.Get, "orders?cursor=page-2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_cursor", (string?)(await JsonAsync(response))["error"]!["code"]);
    }

    [Fact]
    public async Task RateLimit_BurstUsedUp_Answers429WithRetryAfterUntilTheBucketRefills()
    {
        await using var limited = BasarFake.Start(Token, new MarketplaceFakeOptions { Clock = _clock, RateLimit = new RateLimit(2, 0.5) });
        using var http = new HttpClient { BaseAddress = new Uri(limited.BaseAddress, BasarApi.Root) };

        (await SendAsync(HttpMethod.Get, "ping", http: http)).Dispose();
        (await SendAsync(HttpMethod.Get, "ping", http: http)).Dispose();
        using var refused = await SendAsync(HttpMethod.Get, "ping", http: http);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limited", (string?)(await JsonAsync(refused))["error"]!["code"]);

        _clock.Advance(Duration.FromSeconds(2));
        using var again = await SendAsync(HttpMethod.Get, "ping", http: http);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public void Start_WithoutOptions_EnforcesTheDocumentedRateLimit()
    {
        Assert.Equal(new RateLimit(BasarApi.RateLimitBurst, BasarApi.RateLimitPerSecond), BasarFake.DocumentedRateLimit);
    }

    [Fact]
    public async Task StockBatch_OverTheDocumentedSize_Is413BatchTooLarge()
    {
        var items = new JsonArray(Enumerable.Range(1, BasarApi.MaxStockBatch + 1).Select(i => (JsonNode)new JsonObject { ["offerId"] = $"OF-{i}", ["quantity"] = 1 }).ToArray());

        using var response = await SendAsync(HttpMethod.Put, "offers/stock", new JsonObject { ["items"] = items });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("batch_too_large", (string?)(await JsonAsync(response))["error"]!["code"]);
    }

    [Fact]
    public async Task Shipments_MoreThanOrdered_Is422AndNotKept()
    {
        _fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 10);
        _fake.SeedOrder(BasarTestOrders.Simple("B-1", _clock.GetCurrentInstant(), "OF-1", quantity: 2));
        var parcel = new JsonObject
        {
            ["carrier"] = "DHL",
            ["trackingNumber"] = "0034-1",
            ["lines"] = new JsonArray(new JsonObject { ["lineId"] = "B-1-1", ["quantity"] = 3 }),
        };

        using var response = await SendAsync(HttpMethod.Post, "orders/B-1/shipments", parcel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(_fake.ShipmentsOf("B-1"));
        Assert.Equal(Connect.Sdk.Orders.OrderStatus.Open, _fake.StatusOf("B-1"));
    }

    [Fact]
    public async Task Shipments_UnknownCarrier_Is422NamingTheCarrierAndNotKept()
    {
        _fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 10);
        _fake.SeedOrder(BasarTestOrders.Simple("B-1", _clock.GetCurrentInstant(), "OF-1"));
        var parcel = new JsonObject
        {
            ["carrier"] = "Spedition Müller",
            ["trackingNumber"] = "0034-1",
            ["lines"] = new JsonArray(new JsonObject { ["lineId"] = "B-1-1", ["quantity"] = 1 }),
        };

        using var response = await SendAsync(HttpMethod.Post, "orders/B-1/shipments", parcel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(BasarErrorCodes.UnknownCarrier, (string?)(await JsonAsync(response))["error"]?["code"]);
        Assert.Empty(_fake.ShipmentsOf("B-1"));
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? authorization = null, HttpClient? http = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        else if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await (http ?? _http).SendAsync(request);
    }
}
