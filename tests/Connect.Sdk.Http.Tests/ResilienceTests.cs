using System.Globalization;
using System.Net;
using Connect.Sdk.Http.Tests.TestDoubles;
using Polly.CircuitBreaker;

namespace Connect.Sdk.Http.Tests;

public sealed class ResilienceTests : IDisposable
{
    private readonly ClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Get_TransientFailureThenSuccess_IsRetried(HttpStatusCode failure)
    {
        var stub = _harness.Add("shop").Then(failure).Then(HttpStatusCode.OK);

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Get_RetryAfterSecondsLongerThanTheTotalTimeout_WaitsExactlyThatLongAndSucceeds()
    {
        // Three minutes: longer than the two-minute total timeout, shorter than the five-minute cap on Retry-After.
        var stub = _harness.Add("shop").Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "180"));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(180), stub.Received[1].At - stub.Received[0].At);
    }

    [Fact]
    public async Task Get_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var at = FakeTime.Start.AddSeconds(150);
        var stub = _harness.Add("shop").Then(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", at.ToString("r", CultureInfo.InvariantCulture)));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(at, stub.Received[1].At);
    }

    [Fact]
    public async Task Get_ShopifyFractionalRetryAfter_IsHonoured()
    {
        var stub = _harness.Add("shop").Then(HttpStatusCode.TooManyRequests, r => r.Headers.TryAddWithoutValidation("Retry-After", "2.0"));

        await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(TimeSpan.FromSeconds(2), stub.Received[1].At - stub.Received[0].At);
    }

    [Fact]
    public async Task Get_RetryAfterBeyondTheCap_ReturnsTheResponseWithoutWaiting()
    {
        var stub = _harness.Add("shop").Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "3600"));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(stub.Received);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Write_NotMarkedIdempotent_IsNotRetried(string method)
    {
        var stub = _harness.Add("shop").Then(HttpStatusCode.ServiceUnavailable);

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(new HttpMethod(method), "orders/1")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(stub.Received);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Write_NotMarkedIdempotentRefusedWith429_IsRetriedAfterTheRetryAfter(string method)
    {
        // A 429 says nothing was processed: sending the write again cannot apply it twice.
        var stub = _harness.Add("shop").Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "3"));

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(new HttpMethod(method), "orders/1/shipmentConfirmation")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Received.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), stub.Received[1].At - stub.Received[0].At);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetried()
    {
        var stub = _harness.Add("shop").Then(HttpStatusCode.ServiceUnavailable);
        var request = new HttpRequestMessage(HttpMethod.Post, "inventory_levels/set.json");
        request.Options.Set(MarketplaceRequest.Idempotent, true);

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Post_WithIdempotencyKeyHeader_IsRetried()
    {
        var stub = _harness.Add("shop").Then(HttpStatusCode.BadGateway);
        var request = new HttpRequestMessage(HttpMethod.Post, "fulfillments.json");
        request.Headers.Add(MarketplaceRequest.IdempotencyKeyHeader, "shipment-4711");

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Received.Count);
    }

    [Fact]
    public async Task Get_AlwaysFailing_GivesUpAfterTheConfiguredAttempts()
    {
        var stub = _harness.Add("shop", o => o.Resilience.MaxRetryAttempts = 2);
        for (var i = 0; i < 5; i++)
        {
            stub.Then(HttpStatusCode.ServiceUnavailable);
        }

        var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Get, "orders")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, stub.Received.Count);
    }

    [Fact]
    public async Task ManyTooManyRequests_DoNotOpenTheCircuit_ButServerErrorsDo()
    {
        // A 429 whose Retry-After is beyond the cap and a 500 to a POST are not retried, so each call is exactly one
        // attempt the breaker sees.
        var stub = _harness.Add("shop");
        for (var i = 0; i < 20; i++)
        {
            stub.Then(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "3600"));
        }

        for (var i = 0; i < 20; i++)
        {
            var response = await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "orders")));
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        // The twenty 429s count as successes: half of the window fails only at the twentieth 500.
        for (var i = 0; i < 30; i++)
        {
            stub.Then(HttpStatusCode.InternalServerError);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await _harness.Time.RunAsync(_harness.SendAsync("shop", new HttpRequestMessage(HttpMethod.Post, "orders")));
            }
        });
    }

    [Theory]
    [InlineData("shopify:shop-b.myshopify.com", "inventorySetQuantities")] // another shop on the connector's client
    [InlineData("shopify:shop-a.myshopify.com", "fulfillmentCreate")]      // another operation of the failing shop
    public async Task OpenCircuit_ForOneAccountsOperation_LeavesOtherAccountsAndOperationsAlone(string otherAccount, string otherOperation)
    {
        var stub = _harness.Add("shopify");
        for (var i = 0; i < 10; i++)
        {
            stub.Then(HttpStatusCode.InternalServerError);
        }

        HttpRequestMessage Post(string account, string operation)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "graphql.json");
            request.Options.Set(MarketplaceRequest.RateBudget, new RateBudgetScope(account, RateLimitModel.CostBased(2000, 100)));
            request.Options.Set(MarketplaceRequest.Operation, operation);
            return request;
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
        {
            for (var i = 0; i < 11; i++)
            {
                await _harness.Time.RunAsync(_harness.SendAsync("shopify", Post("shopify:shop-a.myshopify.com", "inventorySetQuantities")));
            }
        });

        var other = await _harness.Time.RunAsync(_harness.SendAsync("shopify", Post(otherAccount, otherOperation)));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
