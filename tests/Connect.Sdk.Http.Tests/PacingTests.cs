using System.Net;
using Connect.Sdk.Http.Tests.TestDoubles;

namespace Connect.Sdk.Http.Tests;

public sealed class PacingTests : IDisposable
{
    private static readonly RateLimitModel Model = RateLimitModel.TokenBucket(2, 5);

    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task TwoConnectionsOnOneAccount_TogetherNeverExceedTheAccountsRate()
    {
        var first = _harness.Add("connection-1", o => { o.Account = "amazon:A1B2C3"; o.RateLimit = Model; });
        var second = _harness.Add("connection-2", o => { o.Account = "amazon:A1B2C3"; o.RateLimit = Model; });
        var client1 = _harness.Client("connection-1");
        var client2 = _harness.Client("connection-2");

        var all = Task.WhenAll(Enumerable.Range(0, 15).SelectMany(_ => new[] { client1.GetAsync("orders"), client2.GetAsync("orders") }));
        await _harness.Time.RunAsync(all);

        var sends = first.Received.Concat(second.Received).Select(r => r.At).ToList();
        Assert.Equal(30, sends.Count);
        RateBudgetTests.AssertNeverOverLimit(sends, Model, 1, "one account, two connections");
        Assert.InRange(sends.Max() - FakeTime.Start, TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(12.501));
    }

    [Fact]
    public async Task TwoAccounts_EachGetTheirOwnBudget()
    {
        var first = _harness.Add("connection-1", o => { o.Account = "shop-1"; o.RateLimit = Model; });
        var second = _harness.Add("connection-2", o => { o.Account = "shop-2"; o.RateLimit = Model; });

        var all = Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => new[] { _harness.Client("connection-1").GetAsync("orders"), _harness.Client("connection-2").GetAsync("orders") }));
        await _harness.Time.RunAsync(all);

        // Five each fit each account's burst: nobody waited.
        Assert.All(first.Received.Concat(second.Received), r => Assert.Equal(FakeTime.Start, r.At));
    }

    [Fact]
    public async Task TooManyRequests_PausesEveryClientOfTheAccountUntilRetryAfter()
    {
        var first = _harness.Add("connection-1", o => { o.Account = "shop"; o.RateLimit = RateLimitModel.LeakyBucket(40, 2); })
            .Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "10"));
        var second = _harness.Add("connection-2", o => { o.Account = "shop"; o.RateLimit = RateLimitModel.LeakyBucket(40, 2); });

        await _harness.Time.RunAsync(_harness.Client("connection-1").GetAsync("orders"));
        var other = await _harness.Time.RunAsync(_harness.Client("connection-2").GetAsync("orders"));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(FakeTime.Start.AddSeconds(10), first.Received[1].At);
        Assert.True(second.Received[0].At >= FakeTime.Start.AddSeconds(10), "The other connection of the account waited out the pause too.");
    }

    [Fact]
    public async Task RequestScope_PerOperationBudgets_PaceEachOperationOnItsOwnLimitAcrossClients()
    {
        // Amazon limits each operation separately; one client per connector serves both connections of the seller.
        var stub = _harness.Add("amazon");
        var client = _harness.Client("amazon");
        var orders = new RateBudgetScope("amazon:A1B2C3:eu:getOrders", RateLimitModel.TokenBucket(0.0167, 20));
        var items = new RateBudgetScope("amazon:A1B2C3:eu:getOrderItems", RateLimitModel.TokenBucket(0.5, 30));

        HttpRequestMessage Scoped(string path, RateBudgetScope scope)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Options.Set(MarketplaceRequest.RateBudget, scope);
            return request;
        }

        var all = Task.WhenAll(Enumerable.Range(0, 21).Select(_ => client.SendAsync(Scoped("orders", orders)))
            .Concat(Enumerable.Range(0, 31).Select(_ => client.SendAsync(Scoped("items", items)))));
        await _harness.Time.RunAsync(all);

        var sends = stub.Received.GroupBy(r => r.Request.RequestUri!.AbsolutePath).ToDictionary(g => g.Key, g => g.Max(r => r.At) - FakeTime.Start);
        Assert.Equal(TimeSpan.FromSeconds(2), sends["/items"]);
        Assert.InRange(sends["/orders"].TotalSeconds, 1 / 0.0167, (1 / 0.0167) + 0.001);
    }

    [Fact]
    public async Task WaitForBudget_LongerThanTheAttemptTimeout_DoesNotTimeTheAttemptOut()
    {
        // getOrders refills one request a minute; the attempt timeout (30 s) bounds only the marketplace's answer.
        var stub = _harness.Add("amazon", o => { o.Account = "amazon:A1B2C3:eu:getOrders"; o.RateLimit = RateLimitModel.TokenBucket(0.0167, 1); });
        var client = _harness.Client("amazon");

        await _harness.Time.RunAsync(client.GetAsync("orders"));
        var second = await _harness.Time.RunAsync(client.GetAsync("orders"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, stub.Received.Count);
        Assert.InRange((stub.Received[1].At - stub.Received[0].At).TotalSeconds, 1 / 0.0167, (1 / 0.0167) + 0.001);
    }

    [Fact]
    public async Task QueuedBehindABusyAccount_LongerThanTheTotalTimeout_IsStillSent()
    {
        // Five requests on a budget of one a minute: the last waits four minutes for its slot, twice the total timeout.
        var stub = _harness.Add("amazon", o => { o.Account = "amazon:A1B2C3:eu:getOrders"; o.RateLimit = RateLimitModel.TokenBucket(1.0 / 60, 1); });
        var client = _harness.Client("amazon");

        var all = Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetAsync("orders")));
        var responses = await _harness.Time.RunAsync(all);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(TimeSpan.FromMinutes(4), stub.Received.Max(r => r.At) - FakeTime.Start);
    }

    [Fact]
    public async Task TotalTimeout_StillBoundsTheMarketplacesOwnSilence_AfterAPacedWait()
    {
        // The pause for budget moves the deadline out; a server that then never answers still times out.
        var stub = _harness.Add("amazon", o => { o.Account = "amazon:A1B2C3:eu:getOrders"; o.RateLimit = RateLimitModel.TokenBucket(1.0 / 60, 1); o.Resilience.MaxRetryAttempts = 10; });
        var client = _harness.Client("amazon");
        await _harness.Time.RunAsync(client.GetAsync("orders"));
        for (var i = 0; i < 20; i++)
        {
            stub.ThenHang();
        }

        var send = client.GetAsync("orders");
        await _harness.Time.RunAsync((Task)send);

        await Assert.ThrowsAsync<TimeoutException>(() => send);
    }

    public static TheoryData<string, RateLimitModel, string, string, double> RateHeaders => new()
    {
        // Amazon says the rate is half of what was declared: the next request waits two seconds, not one.
        { "amazon", RateLimitModel.TokenBucket(5, 1), "x-amzn-RateLimit-Limit", "0.5", 2 },

        // Another app filled the shop's bucket: the next call waits for one leak.
        { "shopify", RateLimitModel.LeakyBucket(40, 2), "X-Shopify-Shop-Api-Call-Limit", "40/40", 0.5 },
    };

    [Theory]
    [MemberData(nameof(RateHeaders))]
    public async Task RateHeader_ReBasesTheBudget(string marketplace, RateLimitModel model, string header, string value, double expectedGapSeconds)
    {
        var stub = _harness.Add("connection", o => { o.Account = marketplace + ":account"; o.RateLimit = model; })
            .Then(HttpStatusCode.OK, r => r.Headers.Add(header, value));
        var client = _harness.Client("connection");

        await _harness.Time.RunAsync(client.GetAsync("orders/1"));
        await _harness.Time.RunAsync(client.GetAsync("orders/2"));

        Assert.Equal(TimeSpan.FromSeconds(expectedGapSeconds), stub.Received[1].At - stub.Received[0].At);
    }
}
