using Basar.Connector.Fake;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Basar.Connector.Tests.Http;

/// <summary>The connector's bounded retry: it waits on its TimeProvider, never longer than it should, never twice for a write.</summary>
public sealed class BasarRetryTests
{
    [Fact]
    public async Task CheckConnection_After429_WaitsRetryAfterOnTheTimeProvider()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.Faults.Next(FaultKind.TooManyRequests);
        var time = new NoWaitTimeProvider();
        using var connector = new BasarConnector(NullLoggerFactory.Instance, time);

        var result = await connector.CheckConnectionAsync(await BasarTestConnection.CreateAsync(fake.BaseAddress), CancellationToken.None);

        Assert.True(result.Passed, result.Message);
        Assert.Equal([TimeSpan.FromSeconds(1)], time.Waits);
    }

    [Fact]
    public async Task CheckConnection_ServerKeepsFailing_GivesUpAfterMaxAttemptsWithBackoff()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.Faults.Next(FaultKind.ServerError, times: 10);
        var time = new NoWaitTimeProvider();
        using var connector = new BasarConnector(NullLoggerFactory.Instance, time);

        var result = await connector.CheckConnectionAsync(await BasarTestConnection.CreateAsync(fake.BaseAddress), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("500 (internal_error", result.Message, StringComparison.Ordinal);
        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task ExportOrderStatus_ShipmentAnswered500_IsNotPostedAgain()
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 3);
        var order = BasarTestOrders.Simple("B-1", Instant.FromUtc(2026, 11, 23, 9, 0), "OF-1");
        fake.SeedOrder(order);
        fake.Faults.Next(FaultKind.ServerError, operation: "shipments.create");
        using var connector = new BasarConnector(NullLoggerFactory.Instance, new NoWaitTimeProvider());
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
        Assert.Contains("500 (internal_error", first.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests, r => r.Operation == "shipments.create");

        // ... and the next export (a retry from the journal) reads the order's parcels first, then sends what is missing.
        Assert.Equal(RecordOutcome.Succeeded, (await export()).Outcome);
        Assert.Single(fake.ShipmentsOf("B-1"));
        Assert.Equal(OrderStatus.Shipped, fake.StatusOf("B-1"));
    }
}
