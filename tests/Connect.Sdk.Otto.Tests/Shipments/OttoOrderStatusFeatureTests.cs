using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Shipments;
using NodaTime;

namespace Connect.Sdk.Otto.Tests.Shipments;

public sealed class OttoOrderStatusFeatureTests
{
    private static readonly Instant ShippedAt = Instant.FromUtc(2026, 11, 23, 14, 30);

    [Fact]
    public async Task ExportOrderStatus_ParcelOfTwoPieces_SendsTheFieldsOfOttosPublishedShipmentWithTheConnectionsShipFromAddress()
    {
        var transport = new RecordingTransport("/v1/shipments");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        var order = Seed(otto, 4711, quantity: 3);

        var result = await Export(otto, order, OrderStatus.PartiallyShipped, Parcel(order, "H1000", 2, Carrier.Hermes));

        Assert.Equal(RecordOutcome.Succeeded, result.Outcome);
        var sent = JsonNode.Parse(Assert.Single(transport.Bodies))!;
        var published = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "shipments_get_by_id_200.json")))!;
        foreach (var field in new[] { "trackingKey.carrier", "trackingKey.trackingNumber", "shipDate", "shipFromAddress.city", "shipFromAddress.zipCode", "shipFromAddress.countryCode", "positionItems.0.positionItemId", "positionItems.0.salesOrderId" })
        {
            Assert.NotNull(At(published, field));
            Assert.NotNull(At(sent, field));
        }

        Assert.Equal("HERMES", (string?)At(sent, "trackingKey.carrier"));
        Assert.Equal("DEU", (string?)At(sent, "shipFromAddress.countryCode"));
        Assert.Equal("Hamburg", (string?)At(sent, "shipFromAddress.city"));
        Assert.Equal("2026-11-23T14:30:00Z", (string?)At(sent, "shipDate"));
        Assert.Equal(2, sent["positionItems"]!.AsArray().Count);
        Assert.All(sent["positionItems"]!.AsArray(), p => Assert.Equal(order.MarketplaceOrderId, (string?)p!["salesOrderId"]));
        Assert.Equal(OrderStatus.PartiallyShipped, otto.Fake.StatusOf(order.OrderNumber));
        Assert.Equal(new ShippedLine(order.Lines[0].LineId, 2), Assert.Single(Assert.Single(otto.Fake.ShipmentsOf(order.OrderNumber)).Lines));
    }

    [Fact]
    public async Task ExportOrderStatus_SameParcelAgain_ReadsTheOrderAndSendsNothing()
    {
        var transport = new RecordingTransport("/v1/shipments");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        var order = Seed(otto, 4712);
        var parcel = Parcel(order, "00340434161094042557", 2, Carrier.Dhl);

        await Export(otto, order, OrderStatus.Shipped, parcel);
        var again = await Export(otto, order, OrderStatus.Shipped, parcel);

        Assert.Equal(RecordOutcome.Succeeded, again.Outcome);
        Assert.Single(transport.Bodies);
        Assert.Single(otto.Fake.ShipmentsOf(order.OrderNumber));
        Assert.Equal(OrderStatus.Shipped, otto.Fake.StatusOf(order.OrderNumber));
    }

    [Fact]
    public async Task ExportOrderStatus_CarrierOttoDoesNotTake_FailsNamingOttosCarriersAndSendsNothing()
    {
        var transport = new RecordingTransport("/v1/shipments");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        var order = Seed(otto, 4713);

        var result = await Export(otto, order, OrderStatus.Shipped, Parcel(order, "1Z999", 2, Carrier.Fedex));

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains($"Order {order.OrderNumber}", result.Message, StringComparison.Ordinal);
        Assert.Contains("FedEx", result.Message, StringComparison.Ordinal);
        Assert.Contains("HERMES", result.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Bodies);
    }

    [Fact]
    public async Task ExportOrderStatus_OttoRefusesTheShipment_FailsNamingTheOrderTheTitleAndThePath()
    {
        var transport = new RecordingTransport("/v1/shipments");
        transport.AnswerOnce(400, """{"errors":[{"title":"INVALID_REQUEST_PARAMETER","path":"shipFromAddress.zipCode","detail":"must match ^[0-9]{5}$"}]}""");
        await using var otto = await OttoDirect.StartAsync(() => transport);
        var order = Seed(otto, 4714);

        var result = await Export(otto, order, OrderStatus.Shipped, Parcel(order, "H2000", 2, Carrier.Hermes));

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains($"Order {order.OrderNumber}: OTTO Market refused parcel H2000 with 400 (INVALID_REQUEST_PARAMETER at shipFromAddress.zipCode: must match", result.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Open, otto.Fake.StatusOf(order.OrderNumber));
    }

    [Fact]
    public async Task ExportOrderStatus_MorePiecesThanOttoHasReady_FailsNamingTheLine()
    {
        await using var otto = await OttoDirect.StartAsync();
        var order = Seed(otto, 4715);

        var result = await Export(otto, order, OrderStatus.Shipped, Parcel(order, "H3000", 3, Carrier.Hermes));

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains($"holds 3 of line {order.Lines[0].LineId}, but OTTO Market has 2 of its pieces ready to ship", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OttosPublishedErrorBody_TitleAndPath()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "error_400_invalid_request_parameter.json"));

        Assert.Equal("(INVALID_REQUEST_PARAMETER at /shipments?datefrom=2020-09-0X)", OttoErrors.Describe(body));
    }

    // An order placed a day before the parcel leaves, with one line of SKU-1.
    private static MarketplaceOrder Seed(OttoDirect otto, int number, int quantity = 2)
    {
        otto.Fake.SeedArticle(OttoTestMarket.Sku(1), 5);
        var order = TestOrders.Order(number, ShippedAt - Duration.FromDays(1), quantity);
        otto.Fake.SeedOrder(order);
        return order;
    }

    private static Task<RecordResult> Export(OttoDirect otto, MarketplaceOrder order, OrderStatus status, Shipment parcel) =>
        otto.Feature<IOrderStatusFeature>().ExportOrderStatusAsync(otto.Context, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, status, [parcel]), CancellationToken.None).AsTask();

    private static Shipment Parcel(MarketplaceOrder order, string tracking, int quantity, Carrier carrier) => new()
    {
        ShipmentId = order.OrderNumber + "-" + tracking,
        Carrier = carrier,
        TrackingNumber = tracking,
        ShippedAt = ShippedAt,
        Lines = [new ShippedLine(order.Lines[0].LineId, quantity)],
    };

    private static JsonNode? At(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var index) ? current?.AsArray()[index] : current?[part];
        }

        return current;
    }
}
