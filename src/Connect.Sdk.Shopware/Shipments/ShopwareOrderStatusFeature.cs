using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Orders;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Shipments;

/// <summary>
/// Reports shipments on the order's delivery: the tracking codes it does not hold yet are added with
/// <c>PATCH /api/order-delivery/{id}</c> (the whole list, with each parcel's carrier and lines in the custom field
/// <c>connect_sdk_parcels</c>, as Shopware keeps no carrier or lines per code), then the delivery moves with
/// <c>ship</c> (everything shipped) or <c>ship_partially</c> (from <c>open</c>). A transition the delivery's state does not
/// allow fails the record naming the transitions the shop offers.
/// </summary>
internal sealed class ShopwareOrderStatusFeature(ShopwareClient client) : IOrderStatusFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        var number = update.OrderNumber;
        // The id the import gave is Shopware's 32-hex id; anything else (an ERP that kept another id) is looked up by number.
        var byId = IsShopwareId(update.MarketplaceOrderId);
        var criteria = byId ? OrderCriteria.ById(update.MarketplaceOrderId) : OrderCriteria.ByNumbers([number]);
        var found = await client.SearchAsync(connection, "order", criteria, ShopwareJsonContext.Default.OrderSearchJson, $"order {number}", cancellationToken).ConfigureAwait(false);
        if (found.Data is not [var json, ..])
        {
            return RecordResult.Failure(number, byId ? $"Order {number}: Shopware has no order with id {update.MarketplaceOrderId}." : $"Order {number}: Shopware has no order with this number.");
        }

        var order = json.Deserialize(ShopwareJsonContext.Default.OrderJson)!;
        if (order.Deliveries is not [var delivery, ..])
        {
            return RecordResult.Failure(number, $"Order {number}: the Shopware order has no delivery to put tracking codes on.");
        }

        var codes = (delivery.TrackingCodes ?? []).ToList();
        var unsent = UnsentShipments.Of(update, codes);
        if (unsent.Count > 0)
        {
            var parcels = Parcels(delivery).Concat(unsent.Select(s => new ParcelJson(s.TrackingNumber, s.Carrier.Value, [.. s.Lines.Select(l => new ParcelLineJson(l.LineId, l.Quantity))]))).ToArray();
            var body = new DeliveryUpdateJson([.. codes, .. unsent.Select(s => s.TrackingNumber)], new Dictionary<string, IReadOnlyList<ParcelJson>> { [ShopwareApi.ParcelsCustomField] = parcels });
            var call = MarketplaceCall.Json(HttpMethod.Patch, $"order-delivery/{delivery.Id}", "order-delivery.update", body, ShopwareJsonContext.Default.DeliveryUpdateJson) with { Idempotent = true };
            var (answer, marketplace) = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                var refusal = marketplace.Refused(answer, $"the tracking codes of order {number}");
                return CredentialsRefusal.In(refusal) || answer.StatusCode is HttpStatusCode.TooManyRequests || (int)answer.StatusCode >= 500
                    ? throw refusal
                    : RecordResult.Failure(number, $"Order {number}: {refusal.Message}");
            }
        }

        var state = delivery.StateMachineState?.TechnicalName ?? "open";
        var transition = (update.Status, state) switch
        {
            _ when (update.Status == OrderStatus.Shipped || update.Status == OrderStatus.Completed) && state is not "shipped" => "ship",
            _ when update.Status == OrderStatus.PartiallyShipped && state == "open" => "ship_partially",
            _ => null,
        };
        return transition is null ? RecordResult.Success(number) : await TransitionAsync(connection, number, delivery.Id, transition, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RecordResult> TransitionAsync(ConnectionContext connection, string number, string deliveryId, string transition, CancellationToken cancellationToken)
    {
        var call = new MarketplaceCall(HttpMethod.Post, $"_action/order_delivery/{deliveryId}/state/{transition}", "order_delivery.transition");
        var (answer, marketplace) = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            return RecordResult.Success(number);
        }

        var refusal = marketplace.Refused(answer, $"the delivery transition '{transition}' of order {number}");
        if (CredentialsRefusal.In(refusal) || answer.StatusCode is HttpStatusCode.TooManyRequests || (int)answer.StatusCode >= 500)
        {
            throw refusal;
        }

        var illegal = ShopwareErrors.Of(answer.Body).FirstOrDefault(e => e.Code == ShopwareApi.IllegalTransitionCode);
        return illegal?.Meta?.Parameters is { } parameters
            ? RecordResult.Failure(number, $"Order {number}: Shopware does not allow the delivery transition '{transition}' from state '{parameters.CurrentState}'; the shop offers: {string.Join(", ", parameters.PossibleTransitions ?? [])}.")
            : RecordResult.Failure(number, $"Order {number}: {refusal.Message}");
    }

    private static bool IsShopwareId(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static IEnumerable<ParcelJson> Parcels(DeliveryJson delivery)
    {
        if (delivery.CustomFields is not { ValueKind: JsonValueKind.Object } fields || !fields.TryGetProperty(ShopwareApi.ParcelsCustomField, out var held))
        {
            return [];
        }

        try
        {
            return held.Deserialize(ShopwareJsonContext.Default.IReadOnlyListParcelJson) ?? [];
        }
        catch (JsonException)
        {
            // Someone else's value under our key: start the record afresh rather than fail the shipment.
            return [];
        }
    }
}
