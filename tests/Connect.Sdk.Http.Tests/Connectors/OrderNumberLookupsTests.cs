using System.Text.Json;
using Connect.Sdk.Orders;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class OrderNumberLookupsTests
{
    [Fact]
    public async Task GetAsync_404_IsNotFound()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders/1001")).RespondWith(Response.Create().WithStatusCode(404));

        var lookup = await LookUpAsync(harness);

        Assert.Equal(["1001"], lookup.NotFound);
    }

    [Fact]
    public async Task GetAsync_Refused_IsThatOrdersProblemNamingTheStatus()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders/1001")).RespondWith(Response.Create().WithStatusCode(422).WithBody("archived"));

        var lookup = await LookUpAsync(harness);

        var unreadable = Assert.Single(lookup.Unreadable);
        Assert.Equal("1001", unreadable.OrderNumber);
        Assert.Contains("answered order 1001 with 422 (\"archived\")", unreadable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CredentialsRefused_Throws()
    {
        await using var harness = new ConnectorHarness();
        harness.Server.Given(Request.Create().WithPath("/api/v1/orders/1001")).RespondWith(Response.Create().WithStatusCode(401));

        var failure = await Assert.ThrowsAsync<ConnectSdkException>(() => LookUpAsync(harness));

        Assert.True(failure.CredentialsRefused);
    }

    private static async Task<OrderLookupResult> LookUpAsync(ConnectorHarness harness)
    {
        var client = await harness.ClientAsync();
        return await OrderLookupResult.LookUpEachAsync(
            ["1001"],
            (number, ct) => OrderNumberLookups.GetAsync(client, MarketplaceCall.Get($"orders/{number}", "orders.get"), number, JsonOrderMappingTests.WireContext.Default.JsonElement, JsonOrderMappingTests.Mapping, ct),
            CancellationToken.None);
    }
}
