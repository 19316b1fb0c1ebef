using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Connect.Sdk.Http.Tests.Connectors;

/// <summary>A call's cost is what it takes from a cost-based budget, as a GraphQL query's requested cost does.</summary>
public sealed class MarketplaceCallCostTests
{
    [Fact]
    public async Task SendAsync_TwoCallsCostingMoreThanTheBudgetHolds_TheSecondWaitsForItsCostToRefill()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/graphql.json").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var endpoint = (await harness.ClientAsync()).Endpoint with { RateBudget = new RateBudgetScope("cost-test", RateLimitModel.CostBased(100, 1)) };
        var client = new MarketplaceClient(harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHarness.ClientName), endpoint);
        var call = new MarketplaceCall(HttpMethod.Post, "graphql.json", "graphql") { Body = "{}", Cost = 60 };
        var start = harness.Time.GetUtcNow();

        await client.SendAsync(call, CancellationToken.None);
        await client.SendAsync(call, CancellationToken.None);

        // 100 points, 60 spent: the second call waits until 60 are back, 20 s at 1 a second.
        Assert.InRange(harness.Time.GetUtcNow() - start, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25));
        Assert.Equal(2, harness.Server.LogEntries.Count);
    }
}
