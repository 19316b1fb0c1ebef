using Connect.Sdk.Articles;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Mirakl.Tests.Shipments;

/// <summary>
/// The Mirakl forms of partial shipments: by order, each parcel's tracking in turn (OR23), the shipment validated (OR24)
/// once the ERP reports the order shipped; by lines, each parcel a shipment of its lines (ST01); nothing sent again on a
/// repeated export.
/// </summary>
public sealed class MiraklOrderStatusFeatureTests
{
    private const string OrderId = "8001-A";

    [Fact]
    public async Task StatusExport_TwoParcelsThenRepeat_TrackingEachOnceAndValidatedOnce()
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = host.Clock });

        var afterFirst = await ExportTwoParcelsThenRepeatAsync(host, fake, MiraklTestKeys.Settings(fake.BaseAddress));

        Assert.Equal("SHIPPING", afterFirst);
        Assert.Equal("SHIPPED", fake.StateOf(OrderId));
        Assert.Equal(["TRACK-1", "TRACK-2"], fake.ShipmentsOf(OrderId).Select(s => s.TrackingNumber));
        Assert.Single(fake.Requests, r => r.Operation == "orders.ship");
    }

    [Fact]
    public async Task StatusExport_ShipmentsByLinesTwoParcelsThenRepeat_EachParcelOnceWithItsLinesAndTheOrderShipped()
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = host.Clock });

        var afterFirst = await ExportTwoParcelsThenRepeatAsync(host, fake, MiraklTestKeys.Settings(fake.BaseAddress).Set(MiraklConnector.ShipmentsKey, "lines"));

        Assert.Equal("SHIPPING", afterFirst);
        Assert.Equal("SHIPPED", fake.StateOf(OrderId));
        Assert.Equal(["TRACK-1 8001-A-1x1", "TRACK-2 8001-A-1x1"], fake.ShipmentsOf(OrderId).Select(s => $"{s.TrackingNumber} {string.Join(',', s.Lines.Select(l => $"{l.LineId}x{l.Quantity}"))}"));
        Assert.Equal(2, fake.Requests.Count(r => r.Operation == "shipments.create"));
        Assert.DoesNotContain(fake.Requests, r => r.Operation is "orders.tracking" or "orders.ship");
    }

    [Fact]
    public async Task StatusExport_ShipmentsByLinesOrderShippedWithoutAParcel_NothingSentAndTheJournalSaysWhy()
    {
        await using var host = ConnectTestHost.Create(sdk => sdk.AddMirakl());
        await using var fake = MiraklFake.Start(MiraklTestKeys.Credentials, new MarketplaceFakeOptions { Clock = host.Clock });
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, MiraklTestKeys.Settings(fake.BaseAddress).Set(MiraklConnector.ShipmentsKey, "lines"));
        fake.SeedOrder(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));

        await host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(OrderId, "8001", OrderStatus.Shipped, []), CancellationToken.None);
        await host.RunForAsync(Duration.FromMinutes(10));

        var entry = Assert.Single(await host.JournalEntriesAsync(connection, Connect.Sdk.Journal.RecordKind.OrderStatus));
        Assert.Equal(Connect.Sdk.Journal.JournalStatus.NotSynced, entry.Status);
        Assert.Contains("Mirakl ships lines only as parcels", entry.Message, StringComparison.Ordinal);
        Assert.Equal("SHIPPING", fake.StateOf(OrderId));
        Assert.DoesNotContain(fake.Requests, r => r.Operation is "shipments.create" or "orders.ship");
    }

    // Imports a mug order of 2, exports one parcel of 1, then both, then both again; returns the state after the first.
    private static async Task<string?> ExportTwoParcelsThenRepeatAsync(ConnectTestHost host, MiraklFake fake, SettingsUpdate settings)
    {
        var connection = await host.CreateProductiveConnectionAsync(MiraklConnector.Id, settings);
        fake.SeedArticle(MiraklOrders.ShopSku("MUG-1"), 5);
        await host.AddArticleAsync(connection, new Article("4711", "Mug", ArticleKind.Simple), MiraklOrders.ShopSku("MUG-1"), 5);
        fake.SeedOrder(MiraklOrders.Mug(OrderId, host.Clock.GetCurrentInstant() - Duration.FromMinutes(3)));
        await host.RunForAsync(Duration.FromMinutes(20));

        var first = Parcel("S-1", "TRACK-1", 1, host);
        var second = Parcel("S-2", "TRACK-2", 1, host);
        await host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(OrderId, "8001", OrderStatus.PartiallyShipped, [first]), CancellationToken.None);
        await host.RunForAsync(Duration.FromMinutes(10));
        var afterFirst = fake.StateOf(OrderId);
        await host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(OrderId, "8001", OrderStatus.Shipped, [first, second]), CancellationToken.None);
        await host.RunForAsync(Duration.FromMinutes(10));
        await host.StatusExport.NotifyOrderChangedAsync(connection, new OrderStatusUpdate(OrderId, "8001", OrderStatus.Shipped, [first, second]), CancellationToken.None);
        await host.RunForAsync(Duration.FromMinutes(10));
        return afterFirst;
    }

    private static Shipment Parcel(string id, string tracking, int quantity, ConnectTestHost host) => new()
    {
        ShipmentId = id,
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = host.Clock.GetCurrentInstant(),
        Lines = [new ShippedLine(OrderId + "-1", quantity)],
    };
}
