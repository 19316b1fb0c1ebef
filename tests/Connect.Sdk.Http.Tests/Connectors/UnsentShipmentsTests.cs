using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class UnsentShipmentsTests
{
    [Fact]
    public void Of_OneParcelAlreadyHeld_ReturnsOnlyTheOthersInOrder()
    {
        var update = new OrderStatusUpdate("1001", "B-1001", OrderStatus.Shipped, [Parcel("A1"), Parcel("B2"), Parcel("C3")]);

        var unsent = UnsentShipments.Of(update, ["B2", null]);

        Assert.Equal(["A1", "C3"], unsent.Select(s => s.TrackingNumber));
    }

    [Fact]
    public void Of_HeldRecognisedByShipmentId_KeepsASecondParcelUnderTheSameTrackingNumber()
    {
        var update = new OrderStatusUpdate("1001", "B-1001", OrderStatus.Shipped, [Parcel("A1", "S-1"), Parcel("A1", "S-2"), Parcel("C3", "S-3")]);

        var unsent = UnsentShipments.Of(update, s => s.ShipmentId == "S-1");

        Assert.Equal(["S-2", "S-3"], unsent.Select(s => s.ShipmentId));
    }

    private static Shipment Parcel(string trackingNumber, string? shipmentId = null) => new()
    {
        ShipmentId = shipmentId ?? trackingNumber,
        Carrier = Carrier.Dhl,
        TrackingNumber = trackingNumber,
        ShippedAt = Instant.FromUtc(2026, 11, 2, 10, 0),
        Lines = [new ShippedLine("1", 1)],
    };
}
