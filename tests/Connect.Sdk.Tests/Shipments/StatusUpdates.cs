using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Tests.Sync;

namespace Connect.Sdk.Tests.Shipments;

/// <summary>Builds the status updates an ERP reports, and reads what the export journaled.</summary>
internal static class StatusUpdates
{
    public static OrderStatusUpdate Open(string orderNumber) =>
        new(orderNumber, "mp-" + orderNumber, OrderStatus.Open, []);

    public static OrderStatusUpdate Shipped(string orderNumber, params Shipment[] shipments) =>
        new(orderNumber, "mp-" + orderNumber, OrderStatus.Shipped, shipments);

    public static OrderStatusUpdate PartiallyShipped(string orderNumber, params Shipment[] shipments) =>
        new(orderNumber, "mp-" + orderNumber, OrderStatus.PartiallyShipped, shipments);

    public static Shipment Parcel(string shipmentId, string trackingNumber, params (string LineId, int Quantity)[] lines) => new()
    {
        ShipmentId = shipmentId,
        Carrier = Carrier.Dhl,
        TrackingNumber = trackingNumber,
        ShippedAt = SyncHarness.Start,
        Lines = lines.Length == 0 ? [new ShippedLine("L1", 1)] : lines.Select(l => new ShippedLine(l.LineId, l.Quantity)).ToArray(),
    };

    public static OrderStatusExport StatusExport(this SyncHarness harness) => harness.Get<OrderStatusExport>();

    public static async Task<JournalEntry> StatusEntryAsync(this SyncHarness harness, ConnectionId connection, string orderNumber) =>
        await harness.Journal.GetAsync(new JournalKey(connection, RecordKind.OrderStatus, orderNumber), default)
        ?? throw new Xunit.Sdk.XunitException($"Order {orderNumber} has no order-status journal entry.");
}
