using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Tests.Faults;

namespace Connect.Sdk.Shopify.Tests.Fulfillments;

/// <summary>
/// An order with more fulfillments than the order's own list shows (55 parcels; the list is cut at 50 and has no next
/// page): the connector finds the later ones through the fulfillment orders' fulfillments, so the complete state sent
/// again ships nothing twice and a new parcel still ships once.
/// </summary>
public sealed class ShopifyManyFulfillmentsTests : ShopifyFaultFixture
{
    private const string Number = "7101";
    private const int Parcels = 55;

    [Fact]
    public async Task CompleteStateAgain_WithMoreThan50FulfillmentsOnTheOrder_ShipsNothingTwice_AndANewParcelOnce()
    {
        var order = await ImportedOrderAsync();
        var context = await Host.ContextOfAsync(Connection);
        var parcels = Enumerable.Range(1, Parcels + 1).Select(i => Parcel(Tracking(i), new ShippedLine(LineId, 1))).ToList();

        var first = await StatusExport.ExportOrderStatusAsync(context, Update(order, parcels[..Parcels]), CancellationToken.None);
        var again = await StatusExport.ExportOrderStatusAsync(context, Update(order, parcels[..Parcels]), CancellationToken.None);
        var sentBefore = Sent("fulfillmentCreate");
        var withANewParcel = await StatusExport.ExportOrderStatusAsync(context, Update(order, parcels), CancellationToken.None);

        Assert.Equal((RecordOutcome.Succeeded, RecordOutcome.Succeeded, RecordOutcome.Succeeded), (first.Outcome, again.Outcome, withANewParcel.Outcome));
        Assert.Equal(Parcels, sentBefore);
        Assert.Equal(Parcels + 1, Sent("fulfillmentCreate"));
        Assert.Equal(Enumerable.Range(1, Parcels + 1).Select(Tracking), Shop.ShipmentsOf(Number).Select(s => s.TrackingNumber));
        Assert.Equal(OrderStatus.PartiallyShipped, Shop.StatusOf(Number));
    }

    [Fact]
    public async Task FulfillmentsBeyondTheOrdersList_AreReadPageByPage_AtTheCostDeclared()
    {
        var order = await ImportedOrderAsync();
        var parcels = Enumerable.Range(1, Parcels).Select(i => Parcel(Tracking(i), new ShippedLine(LineId, 1))).ToList();
        await StatusExport.ExportOrderStatusAsync(await Host.ContextOfAsync(Connection), Update(order, parcels), CancellationToken.None);
        var before = Traffic.Exchanges.Count;
        var sent = Sent("fulfillmentCreate");

        await StatusExport.ExportOrderStatusAsync(await Host.ContextOfAsync(Connection), Update(order, parcels), CancellationToken.None);

        // After the order's read, both fulfillment orders: the first (all 55 fulfillments) in two pages, the second in one.
        var reads = Traffic.Exchanges.Skip(before).Where(e => Query(e) == ShopifyDocuments.FulfillmentOrderFulfillments.Document).ToList();
        Assert.Equal(3, reads.Count);
        Assert.Single(reads, e => JsonNode.Parse(e.Request)?["variables"]?["after"] is not null);
        Assert.All(reads, e => Assert.Equal(ShopifyDocuments.FulfillmentOrderFulfillments.EstimatedCost, e.RequestedCost));
        Assert.Equal(sent, Sent("fulfillmentCreate"));
    }

    private static string LineId => "71011";

    private static string Tracking(int index) => string.Create(CultureInfo.InvariantCulture, $"T-{index:D2}");

    private static string Query(TestDoubles.ShopifyTraffic.Exchange exchange) => (string?)JsonNode.Parse(exchange.Request)?["query"] ?? string.Empty;

    private static OrderStatusUpdate Update(MarketplaceOrder order, IReadOnlyList<Shipment> parcels) => new(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.PartiallyShipped, parcels);

    // One line of 60 units, 58 on one fulfillment order (every parcel ships from it) and 2 on another.
    private Task<MarketplaceOrder> ImportedOrderAsync() => ImportSplitOrderAsync(
        Number,
        [new OrderLine { LineId = LineId, ForeignNumber = Product(1), Title = "Mug", Quantity = 60, UnitPrice = new Money(2.50m, CurrencyCode.Eur), TaxRate = 0.19m }],
        [[new ShippedLine(LineId, 58)], [new ShippedLine(LineId, 2)]]);
}
