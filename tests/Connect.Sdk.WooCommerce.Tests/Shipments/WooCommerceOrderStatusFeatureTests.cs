using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.WooCommerce.Shipments;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using NodaTime;
using static Connect.Sdk.WooCommerce.Tests.TestSupport.WooTestShop;

namespace Connect.Sdk.WooCommerce.Tests.Shipments;

public sealed class WooCommerceOrderStatusFeatureTests
{
    [Fact]
    public async Task Export_PartialShipment_AddsTheNote_OrderStaysProcessing()
    {
        await using var shop = await ImportedAsync();
        var order = shop.SeedOrder(30001, lines: 2);
        await shop.Host.RunDueAsync();

        await ExportAsync(shop, order, OrderStatus.PartiallyShipped, Parcel(order, "TRACK-A", order.Lines[0]));

        var note = Assert.Single(shop.Fake.NotesOf(order.OrderNumber));
        Assert.Equal("Tracking: DHL TRACK-A\nItems: 3000101x1\nShipment: TRACK-A", (string?)note["note"]);
        Assert.True((bool)note["customer_note"]!);
        Assert.Equal("processing", (string?)shop.Fake.Orders().Single(o => (string?)o["number"] == order.OrderNumber)["status"]);
        Assert.Equal(OrderStatus.PartiallyShipped, shop.Fake.StatusOf(order.OrderNumber));
    }

    [Fact]
    public async Task Export_Repeated_AddsNoNoteTwice_CompletesOnce()
    {
        await using var shop = await ImportedAsync();
        var order = shop.SeedOrder(30002);
        await shop.Host.RunDueAsync();
        var parcel = Parcel(order, "TRACK-B", order.Lines[0]);

        await ExportAsync(shop, order, OrderStatus.Shipped, parcel);
        await shop.Host.StatusExport.ExportAsync(shop.Connection, order.OrderNumber, CancellationToken.None);
        await shop.Host.RunDueAsync();
        await ExportAsync(shop, order, OrderStatus.Shipped, parcel);

        Assert.Single(shop.Fake.ShipmentsOf(order.OrderNumber));
        Assert.Equal(OrderStatus.Shipped, shop.Fake.StatusOf(order.OrderNumber));
        Assert.Single(shop.Fake.Requests, r => r.Operation == "orders.update");
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber)).Status);
    }

    [Fact]
    public async Task Export_TwoParcelsUnderOneTrackingNumber_EachGetsItsNote()
    {
        // Consolidated freight: one tracking number, two of the ERP's parcels; the second must not pass for the first.
        await using var shop = await ImportedAsync();
        var order = shop.SeedOrder(30004, lines: 2);
        await shop.Host.RunDueAsync();
        var first = Parcel(order, "TRACK-D", order.Lines[0]) with { ShipmentId = "P-1" };
        var second = Parcel(order, "TRACK-D", order.Lines[1]) with { ShipmentId = "P-2" };

        await ExportAsync(shop, order, OrderStatus.PartiallyShipped, first);
        await ExportAsync(shop, order, OrderStatus.Shipped, first, second);

        Assert.Equal(2, shop.Fake.NotesOf(order.OrderNumber).Count);
        Assert.Equal(2, shop.Fake.ShipmentsOf(order.OrderNumber).Count);
        Assert.Equal(JournalStatus.Succeeded, (await shop.JournalAsync(RecordKind.OrderStatus, order.OrderNumber)).Status);
    }

    [Fact]
    public async Task Export_UnknownOrderId_FailsSayingWhichOrder()
    {
        await using var shop = await ImportedAsync();
        var context = await shop.Host.ContextOfAsync(shop.Connection);
        var feature = shop.Host.Get<Connect.Sdk.Connectors.ConnectorRegistry>().Get(WooCommerceConnector.Id).Features.OfType<IOrderStatusFeature>().Single();
        var order = shop.SeedOrder(30003);

        var result = await feature.ExportOrderStatusAsync(context, new OrderStatusUpdate("777", "777", OrderStatus.Shipped, [Parcel(order, "TRACK-C", order.Lines[0])]), CancellationToken.None);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains("Order 777", result.Message, StringComparison.Ordinal);
        Assert.Contains("woocommerce_rest_shop_order_invalid_id", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "notes.create");
    }

    [Fact]
    public async Task Export_KeyRefused_ThrowsARefusalOfTheCredentialsInsteadOfFailingTheOrder()
    {
        await using var shop = await ImportedAsync();
        var order = shop.SeedOrder(30004);
        await shop.Host.Get<Connect.Sdk.Settings.ISecretStore>().SetAsync(shop.Connection, WooCommerceConnector.ConsumerSecretKey, new Connect.Sdk.Settings.SecretValue(WooTestKeys.WrongSecret), CancellationToken.None);
        var context = await shop.Host.ContextOfAsync(shop.Connection);
        var feature = shop.Host.Get<Connect.Sdk.Connectors.ConnectorRegistry>().Get(WooCommerceConnector.Id).Features.OfType<IOrderStatusFeature>().Single();

        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => feature.ExportOrderStatusAsync(context, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [Parcel(order, "TRACK-D", order.Lines[0])]), CancellationToken.None).AsTask());

        Assert.True(CredentialsRefusal.In(error), error.Message);
        Assert.DoesNotContain(shop.Fake.Requests, r => r.Operation == "notes.create");
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void WooStatusFor_MapsShippedAndCancelled_LeavesOthers(string status, string? expected) =>
        Assert.Equal(expected, WooCommerceOrderStatusFeature.WooStatusFor(new OrderStatus(status)));

    public static TheoryData<string, string?> Statuses() => new()
    {
        { "shipped", "completed" },
        { "completed", "completed" },
        { "cancelled", "cancelled" },
        { "partially_shipped", null },
        { "open", null },
    };

    [Fact]
    public void TrackingNote_IsTheFormatTheFakeReads_MultiWordCarrierIsOneWord()
    {
        var parcel = new Shipment
        {
            ShipmentId = "S-1",
            Carrier = Carrier.DhlExpress,
            TrackingNumber = "JD0140",
            ShippedAt = Instant.FromUtc(2026, 11, 23, 10, 0),
            Lines = [new ShippedLine("3101", 2)],
            TrackingUrl = new Uri("https://track.example/JD0140"),
        };

        var note = TrackingNote.Format(parcel);

        Assert.Equal("Tracking: DHL-Express JD0140\nItems: 3101x2\nhttps://track.example/JD0140\nShipment: S-1", note);
        Assert.True(WooCommerceTrackingNote.TryParse(note, out var carrier, out var number, out var lines));
        Assert.Equal(("DHL-Express", "JD0140"), (carrier, number));
        Assert.Equal([new ShippedLine("3101", 2)], lines);
        Assert.True(TrackingNote.Carries(note, parcel));

        // Another parcel under the same tracking number is another note; a corrected number on this parcel is not.
        Assert.False(TrackingNote.Carries(note, parcel with { ShipmentId = "S-2" }));
        Assert.True(TrackingNote.Carries(note, parcel with { TrackingNumber = "JD0141" }));

        // A note without a shipment reference (by hand, or older) is matched by its tracking number.
        Assert.True(TrackingNote.Carries("Tracking: DHL JD0140", parcel with { ShipmentId = "S-9" }));
        Assert.False(TrackingNote.Carries("Tracking: DHL JD0140", parcel with { TrackingNumber = "JD014" }));
        Assert.False(TrackingNote.Carries("Customer asked about JD0140", parcel));
    }

    private static async Task<WooTestShop> ImportedAsync()
    {
        var shop = await StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        await shop.MapArticleAsync(1, 100, 100);
        await shop.MapArticleAsync(2, 100, 100);
        return shop;
    }

    private static Shipment Parcel(MarketplaceOrder order, string tracking, OrderLine line) => new()
    {
        ShipmentId = tracking,
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = order.UpdatedAt + Duration.FromHours(1),
        Lines = [new ShippedLine(line.LineId, line.Quantity)],
    };

    private static async Task ExportAsync(WooTestShop shop, MarketplaceOrder order, OrderStatus status, params Shipment[] parcels)
    {
        await shop.Host.StatusExport.NotifyOrderChangedAsync(shop.Connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, status, parcels), CancellationToken.None);
        await shop.Host.RunDueAsync();
    }
}
