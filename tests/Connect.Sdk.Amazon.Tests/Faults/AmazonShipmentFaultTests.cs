using Connect.Sdk.Amazon.Tests.TestDoubles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Fakes.Amazon;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.Faults;

/// <summary>Shipment confirmation when the answer is lost: the order is read back, and no package is ever confirmed twice.</summary>
public sealed class AmazonShipmentFaultTests
{
    [Fact]
    public async Task DroppedConnectionBeforeAmazonShipped_ReadBackShowsNothing_SentOnceMore()
    {
        await using var test = new AmazonTestHost();
        var (connection, order) = await ImportedOrderAsync(test);
        test.Amazon.Faults.Next(FaultKind.DroppedConnection, operation: AmazonOperations.ConfirmShipment);

        await ShipAsync(test, connection, order);

        var shipment = Assert.Single(test.Amazon.ShipmentsOf(order.OrderNumber));
        Assert.Equal("00340434161094042557", shipment.TrackingNumber);
        Assert.Equal(OrderStatus.Shipped, test.Amazon.StatusOf(order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await test.JournalAsync(connection, RecordKind.OrderStatus))[order.OrderNumber].Status);
        Assert.Equal(
            ["confirmShipment:0", "getOrderItems:200", "confirmShipment:204"],
            AfterImport(test).Where(r => r.Operation is AmazonOperations.ConfirmShipment or AmazonOperations.GetOrderItems).Skip(1).Select(r => $"{r.Operation}:{r.StatusCode}"));
    }

    [Fact]
    public async Task QuotaExceededOnConfirmShipment_IsSentAgainPaced_OnePackageAndSucceeded()
    {
        // A 429 means Amazon processed nothing, so the confirmation goes again without a user's retry, after the
        // seller's confirmShipment budget has refilled (Amazon sends no Retry-After).
        await using var test = new AmazonTestHost();
        var (connection, order) = await ImportedOrderAsync(test);
        test.Amazon.Faults.Next(FaultKind.TooManyRequests, times: 2, operation: AmazonOperations.ConfirmShipment);

        await ShipAsync(test, connection, order);

        Assert.Single(test.Amazon.ShipmentsOf(order.OrderNumber));
        Assert.Equal(OrderStatus.Shipped, test.Amazon.StatusOf(order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await test.JournalAsync(connection, RecordKind.OrderStatus))[order.OrderNumber].Status);
        Assert.Equal(
            ["confirmShipment:429", "confirmShipment:429", "confirmShipment:204"],
            AfterImport(test).Where(r => r.Operation == AmazonOperations.ConfirmShipment).Select(r => $"{r.Operation}:{r.StatusCode}"));
    }

    [Fact]
    public async Task AnswerLostAfterAmazonShipped_ReadBackShowsThePackage_NotSentAgain()
    {
        await using var test = new AmazonTestHost(() => new AnswerLosingTransport(AmazonOperations.ConfirmShipment));
        var (connection, order) = await ImportedOrderAsync(test);

        await ShipAsync(test, connection, order);

        Assert.Single(test.Amazon.ShipmentsOf(order.OrderNumber));
        Assert.Single(test.Amazon.Requests, r => r.Operation == AmazonOperations.ConfirmShipment);
        Assert.Equal(JournalStatus.Succeeded, (await test.JournalAsync(connection, RecordKind.OrderStatus))[order.OrderNumber].Status);

        // The export repeated later finds the package on Amazon and sends nothing.
        await test.Host.StatusExport.NotifyOrderChangedAsync(connection, Update(order), CancellationToken.None);
        await test.Host.RunDueAsync();
        Assert.Single(test.Amazon.ShipmentsOf(order.OrderNumber));
    }

    [Fact]
    public async Task AmazonFulfilledOrder_NothingSent_JournalSaysWhy()
    {
        await using var test = new AmazonTestHost();
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fba("MUG-RED"), 10);
        var order = AmazonTestHost.Order(AmazonTestHost.OrderNumber(7), test.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5), AmazonTestHost.Fba("MUG-RED"), 1);
        test.Amazon.SeedOrder(order);
        await test.Host.RunDueAsync();

        await ShipAsync(test, connection, order);

        Assert.Empty(test.Amazon.ShipmentsOf(order.OrderNumber));
        var entry = (await test.JournalAsync(connection, RecordKind.OrderStatus))[order.OrderNumber];
        Assert.Equal(JournalStatus.NotSynced, entry.Status);
        Assert.Contains("fulfilled by Amazon", entry.Message, StringComparison.Ordinal);
    }

    private static async Task<(ConnectionId Connection, MarketplaceOrder Order)> ImportedOrderAsync(AmazonTestHost test)
    {
        var connection = await test.ConnectAsync();
        await test.MapAsync(connection, "ART-1", AmazonTestHost.Fbm("MUG-BLUE"), 100);
        var order = Assert.Single(test.SeedOrders(1, AmazonTestHost.Fbm("MUG-BLUE"), quantity: 2));
        await test.Host.RunDueAsync();
        test.AssertEveryOrderOnce([order]);
        return (connection, order);
    }

    private static OrderStatusUpdate Update(MarketplaceOrder order) => new(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped,
    [
        new Shipment
        {
            ShipmentId = order.OrderNumber + "-P1",
            Carrier = Carrier.Dhl,
            TrackingNumber = "00340434161094042557",
            ShippedAt = order.UpdatedAt + Duration.FromHours(2),
            Lines = [new ShippedLine(order.Lines[0].LineId, 2)],
        },
    ]);

    private static async Task ShipAsync(AmazonTestHost test, ConnectionId connection, MarketplaceOrder order)
    {
        await test.Host.StatusExport.NotifyOrderChangedAsync(connection, Update(order), CancellationToken.None);
        await test.Host.RunDueAsync();
    }

    private static IEnumerable<Testing.Fakes.FakeRequest> AfterImport(AmazonTestHost test) =>
        test.Amazon.Requests.SkipWhile(r => r.Operation != AmazonOperations.GetOrder);
}
