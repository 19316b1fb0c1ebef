using System.Net;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

public sealed class AmazonSellingPartnerFakeRateLimitTests() : AmazonFakeTestBase(Start + Duration.FromDays(1))
{
    private static readonly Uri Orders = new($"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter=2026-11-01T00:00:00Z", UriKind.Relative);
    private static readonly Uri Items = new($"orders/v0/orders/{OrderId(1)}/orderItems", UriKind.Relative);

    [Fact]
    public void UsagePlans_AreTheDocumentedRatesAndBursts()
    {
        Assert.Equal(new AmazonUsagePlan(0.0167, 20), AmazonUsagePlans.GetOrders);
        Assert.Equal(new AmazonUsagePlan(0.5, 30), AmazonUsagePlans.GetOrderItems);
        Assert.Equal(new AmazonUsagePlan(2, 10), AmazonUsagePlans.ConfirmShipment);
        Assert.Equal(new AmazonUsagePlan(5, 5), AmazonUsagePlans.PatchListingsItem);
    }

    [Fact]
    public async Task GetOrders_AfterItsBurstOf20_Answers429QuotaExceeded_AndRecoversAMinuteLater()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var ok = await Http.GetAsync(Orders);
            statuses.Add(ok.StatusCode);
            Assert.Equal("0.0167", ok.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        }

        using var throttled = await Http.GetAsync(Orders);
        Clock.Advance(Duration.FromSeconds(59));
        using var stillThrottled = await Http.GetAsync(Orders);
        Clock.Advance(Duration.FromSeconds(1));
        using var recovered = await Http.GetAsync(Orders);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("QuotaExceeded", (string?)(await JsonOf(throttled))["errors"]![0]!["code"]);
        Assert.False(throttled.Headers.Contains("x-amzn-RateLimit-Limit"));
        Assert.Null(throttled.Headers.RetryAfter);
        Assert.True(throttled.Headers.Contains("x-amzn-RequestId"));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillThrottled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task GetOrderItems_HasItsOwnBucket_Burst30Rate05_UntouchedByGetOrders()
    {
        Amazon.SeedOrder(Order(1, Start));
        for (var i = 0; i < 20; i++)
        {
            using var drain = await Http.GetAsync(Orders);
        }

        using var ordersThrottled = await Http.GetAsync(Orders);
        var items = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var ok = await Http.GetAsync(Items);
            items.Add(ok.StatusCode);
        }

        using var itemsThrottled = await Http.GetAsync(Items);
        Clock.Advance(Duration.FromSeconds(2));
        using var itemsRecovered = await Http.GetAsync(Items);
        using var ordersStillThrottled = await Http.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.TooManyRequests, ordersThrottled.StatusCode);
        Assert.All(items, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, itemsThrottled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, itemsRecovered.StatusCode);
        Assert.Equal("0.5", itemsRecovered.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, ordersStillThrottled.StatusCode);
    }
}
