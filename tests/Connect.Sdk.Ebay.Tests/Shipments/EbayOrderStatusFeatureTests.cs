using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes.Ebay;
using static Connect.Sdk.Ebay.Tests.TestSupport.EbayTestSeller;

namespace Connect.Sdk.Ebay.Tests.Shipments;

public sealed class EbayOrderStatusFeatureTests
{
    private const string Number = "12-00001-00007";

    [Fact]
    public async Task Export_OnePackageThenTheRest_IsPartiallyShippedThenShipped_WithOneFulfillmentEach()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        await seller.MapArticleAsync(1, 5, 5);
        var order = seller.SeedOrder(Number, quantity: 3);
        var line = order.Lines[0].LineId;
        var (context, status) = await FeatureAsync(seller);
        var first = Package("P1", "00340434161094042557", new ShippedLine(line, 1), seller);
        var second = Package("P2", "00340434161094042558", new ShippedLine(line, 2), seller);

        var part = await status.ExportOrderStatusAsync(context, new OrderStatusUpdate(Number, Number, OrderStatus.PartiallyShipped, [first]), CancellationToken.None);
        var afterPart = seller.Fake.StatusOf(Number);
        var rest = await status.ExportOrderStatusAsync(context, new OrderStatusUpdate(Number, Number, OrderStatus.Shipped, [first, second]), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, part.Outcome);
        Assert.Equal(RecordOutcome.Succeeded, rest.Outcome);
        Assert.Equal(OrderStatus.PartiallyShipped, afterPart);
        Assert.Equal(OrderStatus.Shipped, seller.Fake.StatusOf(Number));
        Assert.Equal(["00340434161094042557", "00340434161094042558"], seller.Fake.ShipmentsOf(Number).Select(s => s.TrackingNumber));
        Assert.Equal("DHL", seller.Fake.ShipmentsOf(Number)[0].Carrier);
    }

    [Fact]
    public async Task Export_Again_SendsNoPackageEbayHoldsAlready()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        await seller.MapArticleAsync(1, 5, 5);
        var order = seller.SeedOrder(Number, quantity: 1);
        var (context, status) = await FeatureAsync(seller);
        var update = new OrderStatusUpdate(Number, Number, OrderStatus.Shipped, [Package("P1", "1Z999AA10123456784", new ShippedLine(order.Lines[0].LineId, 1), seller)]);

        await status.ExportOrderStatusAsync(context, update, CancellationToken.None);
        var again = await status.ExportOrderStatusAsync(context, update, CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, again.Outcome);
        Assert.Single(seller.Fake.ShipmentsOf(Number));
        Assert.Single(seller.Fake.Requests, r => r.Operation == EbayOperations.CreateShippingFulfillment);
    }

    [Fact]
    public async Task Export_MoreUnitsThanTheLineHas_FailsNamingThePackage_AndShipsNothing()
    {
        await using var seller = await StartAsync(features: [FeatureKind.Orders, FeatureKind.OrderStatus]);
        await seller.MapArticleAsync(1, 5, 5);
        var order = seller.SeedOrder(Number, quantity: 1);
        var (context, status) = await FeatureAsync(seller);

        var result = await status.ExportOrderStatusAsync(context, new OrderStatusUpdate(Number, Number, OrderStatus.Shipped, [Package("P1", "1Z999", new ShippedLine(order.Lines[0].LineId, 2), seller)]), CancellationToken.None);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains("eBay refused package P1 (tracking 1Z999)", result.Message, StringComparison.Ordinal);
        Assert.Empty(seller.Fake.ShipmentsOf(Number));
    }

    private static Shipment Package(string id, string tracking, ShippedLine line, EbayTestSeller seller) => new()
    {
        ShipmentId = id,
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = seller.Host.Clock.GetCurrentInstant(),
        Lines = [line],
    };

    private static async Task<(ConnectionContext Context, IOrderStatusFeature Status)> FeatureAsync(EbayTestSeller seller) =>
        (await seller.Host.ContextOfAsync(seller.Connection),
         seller.Host.Get<ConnectorRegistry>().Get(EbayConnector.Id).Features.OfType<IOrderStatusFeature>().Single());
}
