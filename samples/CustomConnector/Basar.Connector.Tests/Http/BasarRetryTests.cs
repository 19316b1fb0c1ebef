using Basar.Connector.Fake;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using NodaTime;

namespace Basar.Connector.Tests.Http;

/// <summary>
/// The retries the connector gets from Connect.Sdk.Http: waits on fake time, reads retried until the SDK gives up, a
/// parcel never posted twice.
/// </summary>
public sealed class BasarRetryTests
{
    [Fact]
    public async Task CheckConnection_After429_WaitsRetryAfterAndPasses()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.Faults.Next(FaultKind.TooManyRequests);
        await using var services = new BasarTestServices();
        var started = services.Time.GetUtcNow();

        var result = await services.Connector.CheckConnectionAsync(await BasarTestConnection.CreateAsync(fake.BaseAddress), CancellationToken.None);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(2, fake.Requests.Count);
        // The fake's Retry-After is one second; it was waited on fake time.
        Assert.True(services.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CheckConnection_ServerKeepsFailing_FailsNamingTheStatusAfterTheRetries()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.Faults.Next(FaultKind.ServerError, times: 10);
        await using var services = new BasarTestServices();

        var result = await services.Connector.CheckConnectionAsync(await BasarTestConnection.CreateAsync(fake.BaseAddress), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("answered ping with 500", result.Message, StringComparison.Ordinal);
        Assert.Contains("internal_error", result.Message, StringComparison.Ordinal);
        Assert.Equal(BasarConnector.BaseUrlKey, result.FailedSetting);
        // The first attempt and the SDK's four retries.
        Assert.Equal(5, fake.Requests.Count);
    }

    [Fact]
    public async Task ExportOrderStatus_ShipmentAnswered500_IsNotPostedAgain()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 3);
        var order = BasarTestOrders.Simple("B-1", Instant.FromUtc(2026, 11, 23, 9, 0), "OF-1");
        fake.SeedOrder(order);
        fake.Faults.Next(FaultKind.ServerError, operation: "shipments.create");
        await using var services = new BasarTestServices();
        var connector = services.Connector;
        var parcel = new Shipment
        {
            ShipmentId = "S-1",
            Carrier = Carrier.Dhl,
            TrackingNumber = "0034-1",
            ShippedAt = order.UpdatedAt,
            Lines = [new ShippedLine("B-1-1", 1)],
        };

        var connection = await BasarTestConnection.CreateAsync(fake.BaseAddress);
        var export = () => connector.GetFeature<IOrderStatusFeature>()!.ExportOrderStatusAsync(
            connection, new OrderStatusUpdate("B-1", order.MarketplaceOrderId, OrderStatus.Shipped, [parcel]), CancellationToken.None).AsTask();

        // A 500 may come after Basar stored the parcel: the connector reports the export failed instead of posting again ...
        var first = await export();
        Assert.Equal(RecordOutcome.Failed, first.Outcome);
        Assert.Contains("with 500", first.Message, StringComparison.Ordinal);
        Assert.Contains("internal_error", first.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests, r => r.Operation == "shipments.create");

        // ... and the next export (a retry from the journal) reads the order's parcels first, then sends what is missing.
        Assert.Equal(RecordOutcome.Succeeded, (await export()).Outcome);
        Assert.Single(fake.ShipmentsOf("B-1"));
        Assert.Equal(OrderStatus.Shipped, fake.StatusOf("B-1"));
    }
}
