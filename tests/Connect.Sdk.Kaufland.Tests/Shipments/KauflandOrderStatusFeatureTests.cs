using System.Globalization;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Kaufland.Tests.Shipments;

/// <summary>A parcel marks as many order units (pieces) sent as it ships, each with its carrier code and tracking number.</summary>
public sealed class KauflandOrderStatusFeatureTests
{
    private static readonly ForeignNumber Unit = new(ForeignNumberLabel.ApiUnitId, "400000001");

    [Fact]
    public async Task Export_ThreePiecesInTwoParcels_EachPieceSentOnceAndARepeatSendsNothing()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Unit, 5);
        var now = Instant.FromDateTimeOffset(seller.Time.GetUtcNow());
        seller.Fake.SeedOrder(MugOrder("MHRYPC1", "56896348978", 3, now));
        var status = seller.Feature<IOrderStatusFeature>();
        var first = Parcel("TRACK-1", Carrier.Dhl, 2, now);
        var second = Parcel("TRACK-2", Carrier.Dpd, 1, now);

        var partly = await ExportAsync(seller, status, OrderStatus.PartiallyShipped, first);
        Assert.True(partly.Outcome == RecordOutcome.Succeeded, partly.Message);
        Assert.Equal(OrderStatus.PartiallyShipped, seller.Fake.StatusOf("MHRYPC1"));
        var all = await ExportAsync(seller, status, OrderStatus.Shipped, first, second);
        var again = await ExportAsync(seller, status, OrderStatus.Shipped, first, second);

        Assert.Equal([RecordOutcome.Succeeded, RecordOutcome.Succeeded, RecordOutcome.Succeeded], new[] { partly.Outcome, all.Outcome, again.Outcome });
        Assert.Equal(OrderStatus.Shipped, seller.Fake.StatusOf("MHRYPC1"));
        Assert.Equal(3, seller.Fake.Requests.Count(r => r.Operation == "order-units.send"));
        var shipments = seller.Fake.ShipmentsOf("MHRYPC1");
        Assert.Equal(2, shipments.Count);
        Assert.Equal(("TRACK-1", "DHL", 2), (shipments[0].TrackingNumber, shipments[0].Carrier, shipments[0].Lines.Single().Quantity));
        Assert.Equal(("TRACK-2", "DPD", 1), (shipments[1].TrackingNumber, shipments[1].Carrier, shipments[1].Lines.Single().Quantity));
    }

    [Fact]
    public async Task Export_ParcelShipsMorePiecesThanTheOrderHas_FailsNamingTheLineAndSendsNothing()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Unit, 5);
        var now = Instant.FromDateTimeOffset(seller.Time.GetUtcNow());
        seller.Fake.SeedOrder(MugOrder("M8CXTB1", "56896348990", 1, now));

        var update = new OrderStatusUpdate("M8CXTB1", "M8CXTB1", OrderStatus.Shipped, [Parcel("TRACK-9", Carrier.Dhl, 2, now, "56896348990")]);
        var result = await seller.DriveAsync(async () => await seller.Feature<IOrderStatusFeature>().ExportOrderStatusAsync(seller.Context, update, CancellationToken.None));

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains("ships 2 of line 56896348990", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.Fake.Requests, r => r.Operation == "order-units.send");
    }

    [Fact]
    public async Task Export_SendLostOnTheWay_FailsSayingSoAndTheRetrySendsItOnce()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        seller.Fake.SeedArticle(Unit, 5);
        var now = Instant.FromDateTimeOffset(seller.Time.GetUtcNow());
        seller.Fake.SeedOrder(MugOrder("MHRYPC1", "56896348978", 1, now));
        var status = seller.Feature<IOrderStatusFeature>();
        seller.Fake.Faults.Next(Connect.Sdk.Testing.Faults.FaultKind.DroppedConnection, operation: "order-units.send");

        var lost = await ExportAsync(seller, status, OrderStatus.Shipped, Parcel("TRACK-1", Carrier.Dhl, 1, now));
        var retried = await ExportAsync(seller, status, OrderStatus.Shipped, Parcel("TRACK-1", Carrier.Dhl, 1, now));

        Assert.Equal(RecordOutcome.Failed, lost.Outcome);
        Assert.Contains("got no answer and it is not sent yet", lost.Message, StringComparison.Ordinal);
        Assert.Equal(RecordOutcome.Succeeded, retried.Outcome);
        Assert.Equal("TRACK-1", Assert.Single(seller.Fake.ShipmentsOf("MHRYPC1")).TrackingNumber);
        Assert.Equal(OrderStatus.Shipped, seller.Fake.StatusOf("MHRYPC1"));
    }

    [Fact]
    public async Task Export_Cancellation_SkippedSayingKauflandCancelsPerOrderUnitAndNothingSent()
    {
        await using var seller = await KauflandTestSeller.StartAsync();

        var result = await seller.DriveAsync(async () => await seller.Feature<IOrderStatusFeature>().ExportOrderStatusAsync(seller.Context, new OrderStatusUpdate("MHRYPC1", "MHRYPC1", OrderStatus.Cancelled, []), CancellationToken.None));

        Assert.Equal(RecordOutcome.Skipped, result.Outcome);
        Assert.Contains("the ERP's cancellation is not sent", result.Message, StringComparison.Ordinal);
        Assert.Empty(seller.Fake.Requests);
    }

    private static Shipment Parcel(string tracking, Carrier carrier, int pieces, Instant at, string line = "56896348978") => new()
    {
        ShipmentId = tracking,
        Carrier = carrier,
        TrackingNumber = tracking,
        ShippedAt = at,
        Lines = [new ShippedLine(line, pieces)],
    };

    private static async Task<RecordResult> ExportAsync(KauflandTestSeller seller, IOrderStatusFeature status, OrderStatus state, params Shipment[] parcels) =>
        await seller.DriveAsync(async () => await status.ExportOrderStatusAsync(seller.Context, new OrderStatusUpdate("MHRYPC1", "MHRYPC1", state, parcels), CancellationToken.None));

    // One line of mugs, the line known by its first piece's id_order_unit.
    private static MarketplaceOrder MugOrder(string number, string lineId, int quantity, Instant now) => new()
    {
        OrderNumber = number,
        MarketplaceOrderId = number,
        CreatedAt = now,
        UpdatedAt = now,
        Currency = CurrencyCode.Eur,
        Status = OrderStatus.Open,
        Lines = [new OrderLine { LineId = lineId, ForeignNumber = Unit, Title = "Mug", Quantity = quantity, UnitPrice = new Money(12.99m, CurrencyCode.Eur) }],
        ShippingCost = new Money(0m, CurrencyCode.Eur),
    };
}
