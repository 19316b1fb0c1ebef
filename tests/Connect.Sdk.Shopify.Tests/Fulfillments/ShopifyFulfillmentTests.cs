using Connect.Sdk.Features;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Tests.Faults;

namespace Connect.Sdk.Shopify.Tests.Fulfillments;

/// <summary>Fulfillments from parcels: part of a line, a parcel that does not fit, a status without a parcel, a repeated export.</summary>
public sealed class ShopifyFulfillmentTests : ShopifyFaultFixture
{
    [Fact]
    public async Task PartOfALine_ShipsThatPartWithTrackingAndLeavesTheRestOpen()
    {
        var (order, feature) = await ImportedOrderAsync();
        var line = order.Lines[0];

        var result = await feature.ExportOrderStatusAsync(await ContextAsync(), Update(order, Parcel("T-1", new ShippedLine(line.LineId, 1))), CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, result.Outcome);
        var shipment = Assert.Single(Shop.ShipmentsOf(order.OrderNumber));
        Assert.Equal(("T-1", "DHL"), (shipment.TrackingNumber, shipment.Carrier));
        Assert.Equal([new ShippedLine(line.LineId, 1)], shipment.Lines);
        Assert.Equal(OrderStatus.PartiallyShipped, Shop.StatusOf(order.OrderNumber));
    }

    [Fact]
    public async Task AppWithoutTheFulfillmentScope_ThrowsARefusalOfTheCredentialsInsteadOfFailingTheOrder()
    {
        var (order, feature) = await ImportedOrderAsync();
        var line = order.Lines[0];

        // Shopify answers a mutation the app has no scope for with ACCESS_DENIED and HTTP 200 ("API access scopes").
        Traffic.AnswerInstead = body => body.Contains("fulfillmentCreate", StringComparison.Ordinal)
            ? """{"errors":[{"message":"Access denied for fulfillmentCreate field. Required access: `write_fulfillments` access scope.","extensions":{"code":"ACCESS_DENIED"}}],"data":{"fulfillmentCreate":null}}"""
            : null;
        var context = await ContextAsync();
        var error = await Assert.ThrowsAsync<ConnectSdkException>(() => feature.ExportOrderStatusAsync(context, Update(order, Parcel("T-1", new ShippedLine(line.LineId, 1))), CancellationToken.None).AsTask());

        Assert.True(CredentialsRefusal.In(error), error.Message);
        Assert.Empty(Shop.ShipmentsOf(order.OrderNumber));
    }

    [Fact]
    public async Task MoreThanRemains_FailsNamingTheLineAndSendsNothing()
    {
        var (order, feature) = await ImportedOrderAsync();
        var line = order.Lines[0];

        var result = await feature.ExportOrderStatusAsync(await ContextAsync(), Update(order, Parcel("T-1", new ShippedLine(line.LineId, 5))), CancellationToken.None);

        Assert.Equal(RecordOutcome.Failed, result.Outcome);
        Assert.Contains($"line {line.LineId}: 5 to ship, 2 remain open", result.Message, StringComparison.Ordinal);
        Assert.Empty(Shop.ShipmentsOf(order.OrderNumber));
        Assert.Equal(0, Sent("fulfillmentCreate"));
    }

    [Fact]
    public async Task StatusWithoutParcel_NotSyncedSayingWhy()
    {
        var (order, feature) = await ImportedOrderAsync();

        var result = await feature.ExportOrderStatusAsync(await ContextAsync(), new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Completed, []), CancellationToken.None);

        Assert.Equal(RecordOutcome.Skipped, result.Outcome);
        Assert.Contains("from its fulfillments", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedTwice_TheSecondFindsTheParcelAndSendsNothing()
    {
        var (order, feature) = await ImportedOrderAsync();
        var update = Update(order, Parcel("T-1", [.. order.Lines.Select(l => new ShippedLine(l.LineId, l.Quantity))]));
        var context = await ContextAsync();

        await feature.ExportOrderStatusAsync(context, update, CancellationToken.None);
        var again = await feature.ExportOrderStatusAsync(context, update, CancellationToken.None);

        Assert.Equal(RecordOutcome.Succeeded, again.Outcome);
        Assert.Single(Shop.ShipmentsOf(order.OrderNumber));
        Assert.Equal(1, Sent("fulfillmentCreate"));
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(order.OrderNumber));
    }

    [Fact]
    public async Task TwoParcelsUnderOneTrackingNumber_BothShip_AndTheCompleteStateAgainShipsNothingTwice()
    {
        var (order, feature) = await ImportedOrderAsync();
        var first = Parcel("T-1", new ShippedLine(order.Lines[0].LineId, order.Lines[0].Quantity)) with { ShipmentId = "LS-1" };
        var second = Parcel("T-1", new ShippedLine(order.Lines[1].LineId, order.Lines[1].Quantity)) with { ShipmentId = "LS-2" };
        var context = await ContextAsync();

        var once = await feature.ExportOrderStatusAsync(context, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [first, second]), CancellationToken.None);
        var again = await feature.ExportOrderStatusAsync(context, new OrderStatusUpdate(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.Shipped, [first, second]), CancellationToken.None);

        Assert.Equal((RecordOutcome.Succeeded, RecordOutcome.Succeeded), (once.Outcome, again.Outcome));
        var shipments = Shop.ShipmentsOf(order.OrderNumber);
        Assert.Equal(2, shipments.Count);
        Assert.All(shipments, s => Assert.Equal("T-1", s.TrackingNumber));
        Assert.Equal(2, Sent("fulfillmentCreate"));
        Assert.Equal(OrderStatus.Shipped, Shop.StatusOf(order.OrderNumber));
    }

    private async Task<(MarketplaceOrder Order, IOrderStatusFeature Feature)> ImportedOrderAsync()
    {
        await MapArticlesAsync(10);
        var number = SeedOrders(1)[0];
        await Host.RunDueAsync();
        var order = Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
        return (order, StatusExport);
    }

    private Task<Connect.Sdk.Connectors.ConnectionContext> ContextAsync() => Host.ContextOfAsync(Connection);

    private static OrderStatusUpdate Update(MarketplaceOrder order, Shipment parcel) => new(order.OrderNumber, order.MarketplaceOrderId, OrderStatus.PartiallyShipped, [parcel]);
}
