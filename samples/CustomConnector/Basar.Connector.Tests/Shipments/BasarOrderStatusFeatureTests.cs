using Basar.Connector.Fake;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using NodaTime;

namespace Basar.Connector.Tests.Shipments;

/// <summary>Parcels of carriers Basar does not know go out as the connection's fallback carrier instead of being refused.</summary>
public sealed class BasarOrderStatusFeatureTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 9, 30);

    [Theory]
    [InlineData("Spedition Müller", "DHL")] // unknown: the connection's fallback
    [InlineData("dpd", "DPD")] // known in other casing: Basar's spelling
    [InlineData("Hermes", "Hermes")]
    public async Task Export_Carrier_ReachesBasarAsACarrierItKnows(string erpCarrier, string expected)
    {
        await using var fake = BasarFake.Start(BasarTestConnection.Token, new MarketplaceFakeOptions());
        fake.SeedArticle(BasarTestOrders.Offer("OF-1"), 3);
        fake.SeedOrder(BasarTestOrders.Simple("B-1", Now, "OF-1"));
        await using var services = new BasarTestServices();
        var connector = services.Connector;
        var connection = await BasarTestConnection.CreateAsync(fake.BaseAddress);

        var result = await connector.GetFeature<IOrderStatusFeature>()!.ExportOrderStatusAsync(connection, Shipped("B-1", new Carrier(erpCarrier)), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, result.Outcome);
        Assert.Equal(expected, Assert.Single(fake.ShipmentsOf("B-1")).Carrier);
    }

    [Fact]
    public void ToWire_UnknownCarrierWithoutFallback_SendsTheErpCarrierForBasarToJudge()
    {
        var wire = Connector.Shipments.BasarOrderStatusFeature.ToWire(Parcel(new Carrier("Spedition Müller")), fallbackCarrier: null);

        // Without a fallback the ERP's own carrier is sent as it is, and Basar's documented list decides.
        Assert.Equal("Spedition Müller", wire.Carrier);
        Assert.DoesNotContain(wire.Carrier, BasarApi.KnownCarriers);
    }

    private static OrderStatusUpdate Shipped(string number, Carrier carrier) =>
        new(number, "900" + number, OrderStatus.Shipped, [Parcel(carrier)]);

    private static Shipment Parcel(Carrier carrier) => new()
    {
        ShipmentId = "P-1",
        Carrier = carrier,
        TrackingNumber = "00340434161094000001",
        ShippedAt = Now,
        Lines = [new ShippedLine("B-1-1", 1)],
    };
}
