using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Tests.Faults;

namespace Connect.Sdk.Shopify.Tests.Fulfillments;

/// <summary>
/// An order whose lines Shopify split over more fulfillment orders than one read holds (seven, five a page), one line
/// over two of them: the connector reads every page and ships parcels from all of them, whole or in parts.
/// </summary>
public sealed class ShopifySplitFulfillmentOrderTests : ShopifyFaultFixture
{
    private const string Number = "7001";

    [Fact]
    public async Task OneParcelForTheWholeOrder_ShipsFromEveryFulfillmentOrder()
    {
        var (order, feature) = await ImportedSplitOrderAsync();
        var parcel = Parcel("T-ALL", [.. order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity))]);

        var result = await feature.ExportOrderStatusAsync(await Host.ContextOfAsync(Connection), Update(order, parcel), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, result.Outcome);
        var shipment = Assert.Single(Shop.ShipmentsOf(Number));
        Assert.Equal(order.Lines.Select(l => (l.LineId, l.Quantity)).Order(), shipment.Lines.Select(l => (l.LineId, l.Quantity)).Order());
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(Number));
        Assert.Contains(Traffic.Exchanges, e => ReadsFulfillmentOrdersAfterACursor(e.Request));
    }

    [Fact]
    public async Task PartShipments_EachTakesWhatRemainsAcrossFulfillmentOrders_AndTheCompleteStateAgainShipsNothingTwice()
    {
        var (order, feature) = await ImportedSplitOrderAsync();
        var context = await Host.ContextOfAsync(Connection);

        // The split line (3 units over the sixth and seventh fulfillment order) and one unit of the first line go first.
        var first = Parcel("T-1", new ShippedLine(LineId(7), 3), new ShippedLine(LineId(1), 1));
        var second = Parcel("T-2", [new ShippedLine(LineId(1), 1), .. Enumerable.Range(2, 5).Select(i => new ShippedLine(LineId(i), 2))]);

        var once = await feature.ExportOrderStatusAsync(context, Update(order, first), CancellationToken.None);
        var statusBetween = Shop.StatusOf(Number);
        var both = await feature.ExportOrderStatusAsync(context, Update(order, first, second), CancellationToken.None);
        var again = await feature.ExportOrderStatusAsync(context, Update(order, first, second), CancellationToken.None);

        Assert.Equal((RecordOutcome.Succeeded, RecordOutcome.Succeeded, RecordOutcome.Succeeded), (once.Outcome, both.Outcome, again.Outcome));
        Assert.Equal(OrderStatus.PartiallyShipped, statusBetween);
        var shipments = Shop.ShipmentsOf(Number);
        Assert.Equal(["T-1", "T-2"], shipments.Select(s => s.TrackingNumber));
        Assert.Equal([(LineId(1), 1), (LineId(7), 3)], shipments[0].Lines.Select(l => (l.LineId, l.Quantity)).Order());
        Assert.Equal(11, shipments[1].Lines.Sum(l => l.Quantity));
        Assert.Equal(2, Sent("fulfillmentCreate"));
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(Number));
    }

    private static string LineId(int index) => string.Create(CultureInfo.InvariantCulture, $"70{index:D2}");

    private static bool ReadsFulfillmentOrdersAfterACursor(string request) =>
        JsonNode.Parse(request) is { } body
        && (string?)body["query"] == ShopifyDocuments.OrderFulfillments.Document
        && body["variables"]?["after"] is not null;

    private static OrderStatusUpdate Update(MarketplaceOrder order, params Shipment[] parcels) => new(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.PartiallyShipped, parcels);

    // Lines 1 to 6 of 2 units each, each on a fulfillment order of its own; line 7 of 3 units, one on the sixth
    // fulfillment order and two on a seventh.
    private async Task<(MarketplaceOrder Order, IOrderStatusFeature Feature)> ImportedSplitOrderAsync()
    {
        var order = await ImportSplitOrderAsync(
            Number,
            [.. Enumerable.Range(1, 7).Select(i => new OrderLine
            {
                LineId = LineId(i),
                ForeignNumber = Product(1),
                Title = "Mug " + i.ToString(CultureInfo.InvariantCulture),
                Quantity = i == 7 ? 3 : 2,
                UnitPrice = new Money(2.50m, CurrencyCode.Eur),
                TaxRate = 0.19m,
            })],
            [
                .. Enumerable.Range(1, 5).Select(i => (IReadOnlyList<ShippedLine>)[new ShippedLine(LineId(i), 2)]),
                [new ShippedLine(LineId(6), 2), new ShippedLine(LineId(7), 1)],
                [new ShippedLine(LineId(7), 2)],
            ]);
        return (order, StatusExport);
    }
}
