using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopware.Tests.TestSupport;
using NodaTime;

namespace Connect.Sdk.Shopware.Tests.Shipments;

/// <summary>Tracking codes on the order delivery and its state transitions.</summary>
public sealed class ShopwareOrderStatusTests
{
    [Fact]
    public async Task Export_DeliveryCancelledInTheShop_FailsNamingTheTransitionsTheShopOffers()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        shop.AddArticle("MUG-1", erpStock: 5);
        var order = shop.SeedOrder("10001", "MUG-1");
        await shop.Host.RunDueAsync();
        shop.Fake.SetDeliveryState("10001", "cancelled");

        await ExportAsync(shop, order, OrderStatus.Shipped);

        var entry = await shop.JournalAsync(RecordKind.OrderStatus, "10001");
        Assert.Equal(JournalStatus.Failed, entry?.Status);
        Assert.Equal("Order 10001: Shopware does not allow the delivery transition 'ship' from state 'cancelled'; the shop offers: reopen.", entry!.Message);
        Assert.Equal("cancelled", shop.Fake.DeliveryStateOf("10001"));
    }

    [Fact]
    public async Task Export_PartialThenFull_TrackingCodesOnceAndDeliveryShipped()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        shop.AddArticle("MUG-1", erpStock: 5);
        var order = shop.SeedOrder("10002", "MUG-1");
        await shop.Host.RunDueAsync();
        var imported = shop.Host.Orders.Orders.Single().Order;

        await ExportAsync(shop, imported, OrderStatus.PartiallyShipped, Parcel(imported, "P-1", "TRACK-1", 1));
        Assert.Equal("shipped_partially", shop.Fake.DeliveryStateOf("10002"));
        await ExportAsync(shop, imported, OrderStatus.Shipped, Parcel(imported, "P-1", "TRACK-1", 1), Parcel(imported, "P-2", "TRACK-2", 1));

        Assert.Equal("shipped", shop.Fake.DeliveryStateOf("10002"));
        Assert.Equal(["TRACK-1", "TRACK-2"], shop.Fake.TrackingCodesOf("10002"));
        Assert.Equal(["TRACK-1", "TRACK-2"], shop.Fake.ShipmentsOf(order.OrderNumber).Select(s => s.TrackingNumber));
    }

    [Fact]
    public async Task Export_TwoParcels_ShopwareHoldsTheCodesAndTheConnectorsFieldTheCarrierAndLines()
    {
        await using var shop = await ShopwareTestShop.StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        shop.AddArticle("MUG-1", erpStock: 5);
        shop.SeedOrder("10007", "MUG-1");
        await shop.Host.RunDueAsync();
        var imported = shop.Host.Orders.Orders.Single().Order;

        await ExportAsync(shop, imported, OrderStatus.Shipped, Parcel(imported, "P-1", "TRACK-1", 1), Parcel(imported, "P-2", "TRACK-2", 1));

        // Shopware itself: the codes, and the delivery's shipping method as the only carrier it knows.
        Assert.Equal([("TRACK-1", "Standard", 0), ("TRACK-2", "Standard", 0)], shop.Fake.ShipmentsOf("10007").Select(s => (s.TrackingNumber, s.Carrier, s.Lines.Count)));

        // The connector's own record of each parcel, in the delivery's custom field.
        var line = imported.Lines[0].LineId;
        Assert.Equal(
            $$"""[{"trackingCode":"TRACK-1","carrier":"DHL","lines":[{"orderLineItemId":"{{line}}","quantity":1}]},{"trackingCode":"TRACK-2","carrier":"DHL","lines":[{"orderLineItemId":"{{line}}","quantity":1}]}]""",
            shop.Fake.ParcelsOf("10007")?.ToJsonString());
    }

    private static Shipment Parcel(MarketplaceOrder order, string id, string tracking, int quantity) => new()
    {
        ShipmentId = id,
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = order.UpdatedAt + Duration.FromHours(1),
        Lines = [new ShippedLine(order.Lines[0].LineId, quantity)],
    };

    private static async Task ExportAsync(ShopwareTestShop shop, MarketplaceOrder order, OrderStatus status, params Shipment[] shipments)
    {
        await shop.Host.StatusExport.NotifyOrderChangedAsync(shop.Connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, status, shipments), CancellationToken.None);
        await shop.Host.RunDueAsync();
    }
}
