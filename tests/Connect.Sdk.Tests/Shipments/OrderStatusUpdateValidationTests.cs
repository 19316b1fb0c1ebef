using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Tests.Sync;
using static Connect.Sdk.Tests.Shipments.StatusUpdates;

namespace Connect.Sdk.Tests.Shipments;

public sealed class OrderStatusUpdateValidationTests
{
    public static TheoryData<string, OrderStatusUpdate, string> BrokenUpdates() => new()
    {
        { "no order number", Open(" "), "The status update has no OrderNumber" },
        { "no marketplace id", Open("1001") with { MarketplaceOrderId = "" }, "Order 1001: MarketplaceOrderId is empty." },
        { "no status", Open("1001") with { Status = default }, "Order 1001: Status is not set." },
        { "shipments null", Open("1001") with { Shipments = null! }, "Order 1001: Shipments is null" },
        { "no shipment id", Shipped("1001", Parcel("", "TRK-1")), "Order 1001, shipment #1: ShipmentId is empty." },
        { "duplicate shipment", Shipped("1001", Parcel("S1", "TRK-1"), Parcel("S1", "TRK-2")), "Order 1001, shipment S1: ShipmentId occurs more than once." },
        { "no tracking number", Shipped("1001", Parcel("S1", "TRK-1"), Parcel("S2", " ")), "Order 1001, shipment S2: TrackingNumber is empty." },
        { "no carrier", Shipped("1001", Parcel("S1", "TRK-1") with { Carrier = default }), "Order 1001, shipment S1: Carrier is not set." },
        { "no lines", Shipped("1001", Parcel("S1", "TRK-1") with { Lines = [] }), "Order 1001, shipment S1: Lines is empty" },
        { "quantity zero", Shipped("1001", Parcel("S1", "TRK-1", ("L1", 1), ("L2", 0))), "Order 1001, shipment S1, line L2: Quantity is 0 but must be at least 1." },
        { "no line id", Shipped("1001", Parcel("S1", "TRK-1", (" ", 1))), "Order 1001, shipment S1: a line has no LineId." },
    };

    [Theory]
    [MemberData(nameof(BrokenUpdates))]
    public async Task NotifyOrderChanged_BrokenUpdate_ThrowsNamingTheOrderAndField(string because, OrderStatusUpdate update, string expected)
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.StatusExport().NotifyOrderChangedAsync(connection, update, default).AsTask());

        Assert.True(ex.Message.StartsWith(expected, StringComparison.Ordinal), $"{because}: {ex.Message}");
        Assert.Equal("update", ex.ParamName);
        Assert.Null(await h.Get<IOrderStatusOutbox>().GetAsync(connection, update.OrderNumber ?? string.Empty, default));
    }

    [Fact]
    public async Task NotifyOrderChanged_CompleteUpdate_IsAccepted()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);

        var entry = await h.StatusExport().NotifyOrderChangedAsync(connection, Shipped("1001", Parcel("S1", "TRK-1", ("L1", 1)), Parcel("S2", "TRK-2", ("L1", 2))), default);

        Assert.Equal("1001", entry.Key.RecordKey);
        Assert.Equal(OrderStatus.Shipped, (await h.Get<IOrderStatusOutbox>().GetAsync(connection, "1001", default))!.Latest.Status);
    }
}
