using System.Net;
using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.Orders;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>
/// Shopify's GraphQL errors come with HTTP 200, which alone reads as an unreadable answer: the connector gives each
/// failure the code of what happened, so the SDK retries what may pass and reports what will not.
/// </summary>
public sealed class ShopifyGraphQLErrorCodeTests : ShopifyFaultFixture
{
    // The bodies as shopify.md's Sources give them: THROTTLED with the bucket's state, INTERNAL_SERVER_ERROR with a
    // request id, MAX_COST_EXCEEDED for a query above the single-query limit.
    private const string Throttled = """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],"extensions":{"cost":{"requestedQueryCost":852,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1999,"restoreRate":100.0}}}}""";
    private const string InternalError = """{"errors":[{"message":"Internal error. Looks like something went wrong on our end.","extensions":{"code":"INTERNAL_SERVER_ERROR","requestId":"3221c58f-3446-4843-a452-a517787121c6"}}]}""";
    private const string MaxCostExceeded = """{"errors":[{"message":"Query cost is 1052, which exceeds the single query max cost limit (1000).","extensions":{"code":"MAX_COST_EXCEEDED","cost":1052,"maxCost":1000}}]}""";

    private string? _answer;
    private int _answered;

    [Fact]
    public async Task FetchChangedOrders_ThrottledOnEveryTry_ThrowsThrottledAndTransient()
    {
        var error = await FetchFailingWithAsync(Throttled);

        Assert.Equal(ConnectSdkErrorCode.Throttled, error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(["THROTTLED"], error.MarketplaceErrorCodes);
        Assert.Equal(ShopifyGraphQLClient.MaxThrottledAttempts, _answered);
        Assert.Contains("throttled 8 times in a row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchChangedOrders_InternalServerErrorWithStatus200_ThrowsMarketplaceUnavailable()
    {
        var error = await FetchFailingWithAsync(InternalError);

        Assert.Equal(ConnectSdkErrorCode.MarketplaceUnavailable, error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(["INTERNAL_SERVER_ERROR"], error.MarketplaceErrorCodes);
        Assert.Equal(200, error.MarketplaceStatusCode);
    }

    [Fact]
    public async Task FetchChangedOrders_OtherGraphQLErrorWithStatus200_ThrowsMarketplaceRefused()
    {
        var error = await FetchFailingWithAsync(MaxCostExceeded);

        Assert.Equal(ConnectSdkErrorCode.MarketplaceRefused, error.Code);
        Assert.False(error.IsTransient);
        Assert.Equal(["MAX_COST_EXCEEDED"], error.MarketplaceErrorCodes);
        Assert.Contains("MAX_COST_EXCEEDED: Query cost is 1052", error.Message, StringComparison.Ordinal);
    }

    protected override void ConfigureClient(IHttpClientBuilder client) => client.AddHttpMessageHandler(() => new Answering(this));

    private async Task<ConnectSdkException> FetchFailingWithAsync(string answer)
    {
        var context = await Host.ContextOfAsync(Connection);
        var orders = Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id).Features.OfType<IOrdersFeature>().Single();
        _answer = answer;

        return await Assert.ThrowsAsync<ConnectSdkException>(async () =>
        {
            await foreach (var page in orders.FetchChangedOrdersAsync(context, new OrderCursor(Instant.FromUtc(2026, 11, 1, 0, 0)), CancellationToken.None))
            {
                Assert.Fail($"A page came through: {page}");
            }
        });
    }

    // Once a test set its body, answers every GraphQL request with it and HTTP 200, as Shopify does; before, the shop answers.
    private sealed class Answering(ShopifyGraphQLErrorCodeTests test) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (test._answer is not { } answer)
            {
                return base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref test._answered);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") });
        }
    }
}
