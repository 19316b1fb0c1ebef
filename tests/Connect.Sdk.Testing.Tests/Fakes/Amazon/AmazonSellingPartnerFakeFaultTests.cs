using System.Net;
using System.Text.Json;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.Testing.Faults;
using NodaTime.Testing;
using static Connect.Sdk.Testing.Tests.Fakes.Amazon.AmazonTestData;

namespace Connect.Sdk.Testing.Tests.Fakes.Amazon;

public sealed class AmazonSellingPartnerFakeFaultTests
{
    private static readonly Uri Orders = new($"orders/v0/orders?MarketplaceIds={Marketplace}&LastUpdatedAfter=2026-11-01T00:00:00Z", UriKind.Relative);

    private readonly FakeClock _clock = new(Start);

    [Theory]
    [InlineData(FaultKind.ServerError, HttpStatusCode.InternalServerError, "InternalFailure")]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(FaultKind.TooManyRequests, HttpStatusCode.TooManyRequests, "QuotaExceeded")]
    public async Task ScheduledStatusFault_AnswersOnceInTheErrorListShape(FaultKind kind, HttpStatusCode status, string code)
    {
        await using var amazon = StartAmazon(_clock, new FaultPlan().Next(kind, operation: AmazonOperations.GetOrders));
        using var http = await ClientAsync(amazon);

        using var faulted = await http.GetAsync(Orders);
        using var next = await http.GetAsync(Orders);

        Assert.Equal(status, faulted.StatusCode);
        Assert.Equal(code, (string?)(await JsonOf(faulted))["errors"]![0]!["code"]);
        Assert.Null(faulted.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([200, (int)status, 200], amazon.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task TokenEndpointFault_IsScheduledUnderItsOwnName()
    {
        await using var amazon = StartAmazon(_clock, new FaultPlan().Next(FaultKind.ServiceUnavailable, operation: AmazonOperations.LwaToken));
        using var http = new HttpClient();

        using var faulted = await http.PostAsync(amazon.TokenAddress, TokenRequest());
        using var next = await http.PostAsync(amazon.TokenAddress, TokenRequest());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(AmazonOperations.LwaToken, Assert.Single(amazon.Faults.Injected).Operation);
    }

    [Theory]
    [InlineData(AmazonOperations.GetOrder, "orders/v0/orders/302-0000001-0000007")]
    [InlineData(AmazonOperations.GetOrderItems, "orders/v0/orders/302-0000001-0000007/orderItems")]
    public async Task TruncatedJson_OnAnOrderRead_Answers200ThatDoesNotParse(string operation, string path)
    {
        await using var amazon = StartAmazon(_clock, new FaultPlan().Next(FaultKind.TruncatedJson, operation: operation));
        amazon.SeedArticle(Fbm("MUG-BLUE"), 1);
        amazon.SeedOrder(Order(1, Start));
        using var http = await ClientAsync(amazon);

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task DroppedConnection_OnConfirmShipment_RecordsNoShipment()
    {
        await using var amazon = StartAmazon(_clock, new FaultPlan().Next(FaultKind.DroppedConnection, operation: AmazonOperations.ConfirmShipment));
        amazon.SeedArticle(Fbm("MUG-BLUE"), 1);
        amazon.SeedOrder(Order(1, Start));
        using var http = await ClientAsync(amazon);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(
            new Uri($"orders/v0/orders/{OrderId(1)}/shipmentConfirmation", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")));

        Assert.Empty(amazon.ShipmentsOf(OrderId(1)));
        Assert.Equal(0, amazon.Requests[^1].StatusCode);
    }
}
