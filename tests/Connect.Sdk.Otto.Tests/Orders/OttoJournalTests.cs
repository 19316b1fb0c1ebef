using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.Orders;

/// <summary>
/// The journal's tabs read as the seeds' OTTO screenshots do: orders and their status under OTTO's order number
/// (<c>orderNumber</c>), which is also what a user types to import one, never the sales order's UUID.
/// </summary>
public sealed class OttoJournalTests
{
    [Fact]
    public async Task Import_OrdersTab_KeyedByOttosOrderNumberNotTheSalesOrderId()
    {
        await using var market = await OttoTestMarket.StartAsync(features: [FeatureKind.Orders]);
        await market.MapArticleAsync(1, 10, 10);
        var order = market.SeedOrder(5001);

        await market.Host.RunDueAsync();

        var entries = await market.Host.JournalEntriesAsync(market.Connection, RecordKind.Order);
        Assert.Equal(JournalStatus.Succeeded, Assert.Single(entries).Status);
        Assert.Equal("bq00005001", entries[0].Key.RecordKey);
        Assert.DoesNotContain(order.MarketplaceOrderId, entries[0].Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportByNumber_OttosOrderNumber_Found()
    {
        await using var market = await OttoTestMarket.StartAsync(features: [FeatureKind.Orders]);
        await market.MapArticleAsync(1, 10, 10);
        market.SeedOrder(5002, minutesAgo: 60 * 24 * 5);

        await market.Host.OrderImport.ImportOrdersAsync(market.Connection, "bq00005002, bq09999999", CancellationToken.None);
        await market.Host.RunDueAsync();

        Assert.Equal(1, market.Received()["bq00005002"]);
        var unknown = await market.JournalAsync(RecordKind.Order, "bq09999999");
        Assert.Equal(JournalStatus.Failed, unknown.Status);
    }

    [Fact]
    public async Task ExportStatus_StatusTab_KeyedByOttosOrderNumberAndTheOrderShipped()
    {
        await using var market = await OttoTestMarket.StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        await market.MapArticleAsync(1, 10, 10);
        var order = market.SeedOrder(5003);
        await market.Host.RunDueAsync();
        var parcel = new Shipment
        {
            ShipmentId = "S-1",
            Carrier = Carrier.Dhl,
            TrackingNumber = "00340434161094042557",
            ShippedAt = market.Host.Clock.GetCurrentInstant() - Duration.FromMinutes(1),
            Lines = [new ShippedLine(order.Lines[0].LineId, 2)],
        };

        await market.Host.StatusExport.NotifyOrderChangedAsync(market.Connection, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [parcel]), CancellationToken.None);
        await market.Host.RunDueAsync();

        var entry = await market.JournalAsync(RecordKind.OrderStatus, "bq00005003");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal(OrderStatus.Shipped, market.Fake.StatusOf("bq00005003"));
    }
}
