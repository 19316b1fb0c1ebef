using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.RateLimits;
using NodaTime;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooCommerceFakeTests;
using static Connect.Sdk.Testing.Tests.Fakes.WooCommerce.WooTestOrders;

namespace Connect.Sdk.Testing.Tests.Fakes.WooCommerce;

public sealed class WooCommerceFakeFaultTests
{
    private static readonly Uri Orders = new("orders", UriKind.Relative);

    private readonly FakeClock _clock = new(Start);

    [Theory]
    [InlineData(FaultKind.ServerError, HttpStatusCode.InternalServerError, "internal_server_error")]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "service_unavailable")]
    [InlineData(FaultKind.TooManyRequests, HttpStatusCode.TooManyRequests, "too_many_requests")]
    public async Task ScheduledStatusFault_AnswersThatStatusOnceInTheErrorShape(FaultKind kind, HttpStatusCode status, string code)
    {
        await using var woo = StartWoo(new FaultPlan().Next(kind, operation: "orders.list"));
        using var http = Client(woo, Key, Secret);

        using var faulted = await http.GetAsync(Orders);
        using var next = await http.GetAsync(Orders);

        Assert.Equal(status, faulted.StatusCode);
        Assert.Equal(code, (string?)JsonNode.Parse(await faulted.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(kind == FaultKind.TooManyRequests, faulted.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([(int)status, 200], woo.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task DroppedConnection_ClientSeesHttpRequestException()
    {
        await using var woo = StartWoo(new FaultPlan().Next(FaultKind.DroppedConnection));
        using var http = Client(woo, Key, Secret);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Orders));
        Assert.Equal(0, Assert.Single(woo.Requests).StatusCode);
    }

    [Fact]
    public async Task DroppedConnection_OnAReusedConnection_ClientStillSeesHttpRequestException()
    {
        await using var woo = StartWoo(new FaultPlan());
        using var http = Client(woo, Key, Secret);
        using var warmUp = await http.GetAsync(Orders);
        woo.Faults.Next(FaultKind.DroppedConnection, times: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Orders));
        Assert.Equal([200, 0], woo.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Timeout_ClientTimesOut_AndDisposeEndsTheWait()
    {
        // The fault holds the answer for an hour of time that never moves: only disposing ends the wait.
        var time = new SignallingTime();
        var woo = WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret), new MarketplaceFakeOptions
        {
            Faults = new FaultPlan().Next(FaultKind.Timeout),
            TimeoutDelay = Duration.FromHours(1),
            DelayTime = time,
        });
        using var http = Client(woo, Key, Secret);
        using var giveUp = new CancellationTokenSource();

        // The client gives up once the fake holds its answer, not after a real-time timeout that a loaded machine can
        // let pass before the request even arrives.
        var answer = http.GetAsync(Orders, giveUp.Token);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a guard against a hang, not a timing
        await giveUp.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => answer);

        // A guard against a hang, not a timing: a loaded machine delays the disposal by seconds, never by minutes.
        await woo.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(FaultKind.Timeout, Assert.Single(woo.Faults.Injected).Kind);
    }

    [Fact]
    public async Task Timeout_OnTheGivenDelayTime_AnswersOnceThatTimeHasPassed()
    {
        var time = new SignallingTime();
        await using var woo = WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret), new MarketplaceFakeOptions
        {
            Faults = new FaultPlan().Next(FaultKind.Timeout),
            TimeoutDelay = Duration.FromSeconds(100),
            DelayTime = time,
        });
        using var http = Client(woo, Key, Secret);

        var answer = http.GetAsync(Orders);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against a hang, not a timing
        time.Advance(TimeSpan.FromSeconds(99));
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlowResponse_AnswersCorrectlyAfterTheDelay()
    {
        await using var woo = StartWoo(new FaultPlan().Next(FaultKind.SlowResponse));
        using var http = Client(woo, Key, Secret);

        using var response = await http.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray());
        Assert.Equal(FaultKind.SlowResponse, Assert.Single(woo.Faults.Injected).Kind);
    }

    [Theory]
    [InlineData(FaultKind.MalformedJson)]
    [InlineData(FaultKind.TruncatedJson)]
    public async Task BrokenBody_Answers200ThatDoesNotParse(FaultKind kind)
    {
        await using var woo = StartWoo(new FaultPlan().Next(kind));
        woo.SeedArticle(Sku("SHIRT-M"), 3);
        woo.SeedOrder(Order(1001, Start));
        using var http = Client(woo, Key, Secret);

        using var response = await http.GetAsync(Orders);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task PartialBatchFailure_SomeItemsComeBackWithAnError()
    {
        await using var woo = StartWoo(new FaultPlan().Next(FaultKind.PartialBatchFailure, operation: "products.batch"));
        woo.SeedArticle(Sku("A"), 1);
        woo.SeedArticle(Sku("B"), 1);
        using var http = Client(woo, Key, Secret);
        var update = new JsonArray(woo.Products().Select(p => (JsonNode)new JsonObject { ["id"] = (long)p["id"]!, ["stock_quantity"] = 5 }).ToArray());

        using var response = await http.PostAsync(new Uri("products/batch", UriKind.Relative), JsonBody(new JsonObject { ["update"] = update }.ToJsonString()));
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["update"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(items[0]!["error"]);
        Assert.Equal("woocommerce_rest_product_not_updated", (string?)items[1]!["error"]!["code"]);
        Assert.Equal(5, woo.StockOf(Sku("A")));
        Assert.Equal(1, woo.StockOf(Sku("B")));
    }

    [Fact]
    public async Task RandomFaults_SameSeed_ReplayTheSameStatusCodes()
    {
        var first = await StatusCodes(seed: 4711);
        var second = await StatusCodes(seed: 4711);

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task RateLimit_EmptyBucket_Answers429WithRetryAfterFromTheRefillRate()
    {
        await using var woo = WooCommerceFake.Start(
            new WooCommerceCredentials(Key, Secret),
            new MarketplaceFakeOptions { Clock = _clock, RateLimit = new RateLimit(Capacity: 2, RefillPerSecond: 0.25) });
        using var http = Client(woo, Key, Secret);

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(Orders);
            burst.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
            }
        }

        _clock.AdvanceSeconds(4);
        using var afterWaiting = await http.GetAsync(Orders);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], burst);
        Assert.Equal(HttpStatusCode.OK, afterWaiting.StatusCode);
    }

    [Fact]
    public async Task RateLimit_PerOperation_LimitsEachOperationAlone()
    {
        await using var woo = WooCommerceFake.Start(
            new WooCommerceCredentials(Key, Secret),
            new MarketplaceFakeOptions { Clock = _clock, RateLimit = new RateLimit(1, 1, Scope: RateLimitScope.Operation) });
        using var http = Client(woo, Key, Secret);

        using var first = await http.GetAsync(Orders);
        using var second = await http.GetAsync(Orders);
        using var other = await http.GetAsync(new Uri("system_status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public void RateLimit_CostAboveCapacity_IsRefusedAtStart()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WooCommerceFake.Start(
            new WooCommerceCredentials(Key, Secret),
            new MarketplaceFakeOptions { RateLimit = new RateLimit(Capacity: 1, RefillPerSecond: 1, CostPerRequest: 2) }));
    }

    [Fact]
    public async Task RateLimit_ByDefault_IsOff()
    {
        await using var woo = StartWoo(new FaultPlan());
        using var http = Client(woo, Key, Secret);

        for (var i = 0; i < 30; i++)
        {
            using var response = await http.GetAsync(Orders);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task RequestLog_MasksTheConsumerSecret_AndNamesTheOperation()
    {
        await using var woo = StartWoo(new FaultPlan());
        using var http = Client(woo, key: null, secret: null);

        using var response = await http.GetAsync(new Uri($"orders?consumer_key={Key}&consumer_secret={Secret}&per_page=5", UriKind.Relative));

        var logged = Assert.Single(woo.Requests);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("orders.list", logged.Operation);
        Assert.Equal("GET", logged.Method);
        Assert.Contains("consumer_secret=***", logged.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, logged.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("per_page=5", logged.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<List<int>> StatusCodes(int seed)
    {
        await using var woo = StartWoo(new FaultPlan(seed).Randomly(FaultKind.ServerError, 0.2).Randomly(FaultKind.ServiceUnavailable, 0.1, "orders.list"));
        using var http = Client(woo, Key, Secret);
        var codes = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await http.GetAsync(i % 3 == 0 ? new Uri("system_status", UriKind.Relative) : Orders);
            codes.Add((int)response.StatusCode);
        }

        return codes;
    }

    /// <summary>Fake time that says when the fake has begun to wait on it.</summary>
    private sealed class SignallingTime : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }

    private static WooCommerceFake StartWoo(FaultPlan faults, Duration? timeout = null) =>
        WooCommerceFake.Start(new WooCommerceCredentials(Key, Secret), new MarketplaceFakeOptions
        {
            Faults = faults,
            SlowResponseDelay = Duration.FromMilliseconds(20),
            TimeoutDelay = timeout ?? Duration.FromSeconds(5),
        });
}
