using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.TestSupport;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>Fulfillments under faults: a write without an answer is resolved by reading the order back; never a duplicate.</summary>
public sealed class ShopifyFulfillmentFaultTests : ShopifyFaultFixture
{
    [Fact]
    public async Task DroppedConnectionOnTheWrite_ReadBackFindsNothingAndSendsOnce()
    {
        var number = await ImportOneOrderAsync();
        DropNextFulfillment();

        await ExportAsync(number, "TRACK-1");

        var shipment = Assert.Single(Shop.ShipmentsOf(number));
        Assert.Equal("TRACK-1", shipment.TrackingNumber);
        Assert.Equal(JournalStatus.Succeeded, (await EntryAsync(RecordKind.OrderStatus, number)).Status);
        Assert.Contains(Faults.Injected, f => f.Kind == FaultKind.DroppedConnection);

        // The dropped request got no answer; the one answered is the resend after the read-back found nothing.
        Assert.Equal(1, Sent("fulfillmentCreate"));
        Assert.Contains(AdapterTestLog.Lines, l => l.Contains("fulfillmentCreate on connection shop-1 ended without a readable answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TruncatedAnswerToTheWrite_ReadBackFindsItAndSendsNothingMore()
    {
        var number = await ImportOneOrderAsync();
        Faults.Next(FaultKind.TruncatedJson, operation: "graphql.fulfillmentCreate");

        await ExportAsync(number, "TRACK-1");

        Assert.Single(Shop.ShipmentsOf(number));
        Assert.Equal(1, Sent("fulfillmentCreate"));
        Assert.Equal(JournalStatus.Succeeded, (await EntryAsync(RecordKind.OrderStatus, number)).Status);
    }

    [Fact]
    public async Task ServerErrorOnTheWrite_ReadBackDecidesAndTheExportRepeatedAddsNoDuplicate()
    {
        var number = await ImportOneOrderAsync();
        Faults.Next(FaultKind.ServerError, operation: "graphql.fulfillmentCreate");

        await ExportAsync(number, "TRACK-1");
        await ExportAsync(number, "TRACK-1");

        Assert.Single(Shop.ShipmentsOf(number));
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(number));
    }

    private void DropNextFulfillment() => Traffic.BeforeSend = body =>
    {
        if (body.Contains("fulfillmentCreate(", StringComparison.Ordinal))
        {
            Traffic.BeforeSend = null;
            Faults.Next(FaultKind.DroppedConnection, operation: "graphql");
        }

        return Task.CompletedTask;
    };

    private async Task ExportAsync(string number, string tracking)
    {
        var order = Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
        var parcel = new Shipment
        {
            ShipmentId = number + "-1",
            Carrier = Carrier.Dhl,
            TrackingNumber = tracking,
            TrackingUrl = new Uri("https://www.dhl.de/track?id=" + tracking),
            ShippedAt = Host.Clock.GetCurrentInstant(),
            Lines = order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity)).ToArray(),
        };
        await Host.StatusExport.NotifyOrderChangedAsync(Connection, new OrderStatusUpdate(number, order.MarketplaceOrderId, OrderStatus.Shipped, [parcel]), CancellationToken.None);
        await Host.RunForAsync(Duration.FromMinutes(1));
    }
}
