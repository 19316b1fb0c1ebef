using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Orders;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.Mirakl.Shipments;

/// <summary>
/// Reports shipments: each parcel's tracking with OR23 (<c>PUT /api/orders/{order_id}/tracking</c>, the carrier by
/// name, its tracking URL when known), and a fully shipped order's shipment validation with OR24 (<c>PUT
/// /api/orders/{order_id}/ship</c>), which moves it from <c>SHIPPING</c> to <c>SHIPPED</c>. Mirakl keeps one tracking
/// per order: a second parcel's tracking replaces the first's. A parcel whose tracking the order already shows is not
/// sent again; a partially shipped order gets its tracking but no validation. With the setting <c>shipments: lines</c>
/// each parcel goes out as a shipment of its lines instead (<see cref="LineShipments"/>). Cancellations are not sent
/// (OR29 is not built).
/// </summary>
internal sealed class MiraklOrderStatusFeature(MiraklClient client, OrderReader reader) : IOrderStatusFeature
{
    private readonly LineShipments _lineShipments = new(client);

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        var number = update.OrderNumber;
        var ships = update.Status == OrderStatus.Shipped || update.Status == OrderStatus.Completed;
        if (update.Shipments.Count == 0 && !ships)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Order {number}: Mirakl takes no status '{update.Status}' from the shop and there is no parcel to report; nothing sent.");
        }

        if (await reader.ReadAsync(connection, number, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return RecordResult.Failure(number, $"Order {number}: Mirakl lists no order with this id (order_id).");
        }

        var state = Text(json, "order_state") ?? string.Empty;
        if (MiraklClient.SettingsOf(connection).ShipsLines)
        {
            if (update.Shipments.Count == 0)
            {
                // By lines Mirakl ships only through a shipment of lines (no OR24): without a parcel there is nothing to send.
                return new RecordResult(number, RecordOutcome.Skipped, $"Order {number}: with shipments by lines (setting {MiraklConnector.ShipmentsKey}: lines) Mirakl ships lines only as parcels, and the ERP reported the order '{update.Status}' without one; nothing sent.");
            }

            return await _lineShipments.SendAsync(connection, update, state, cancellationToken).ConfigureAwait(false);
        }

        var tracking = Text(json, "shipping_tracking");
        // The order shows the last tracking it was sent: that parcel and every one before it in the update are there.
        var shown = tracking is null ? -1 : update.Shipments.ToList().FindLastIndex(s => s.TrackingNumber == tracking);
        foreach (var shipment in UnsentShipments.Of(update, s => update.Shipments.ToList().IndexOf(s) <= shown))
        {
            var body = JsonSerializer.Serialize(new MiraklTrackingJson(shipment.Carrier.Value, shipment.TrackingUrl?.AbsoluteUri, shipment.TrackingNumber), MiraklJsonContext.Default.MiraklTrackingJson);
            // The order's tracking is replaced, never added to: sending it twice does no harm, so it may be retried.
            var (answer, _) = await client.SendAsync(connection, new MarketplaceCall(HttpMethod.Put, $"orders/{Uri.EscapeDataString(number)}/tracking", "orders.tracking") { Body = body, Idempotent = true }, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                return Failed(answer, number, $"Mirakl did not take the tracking {shipment.TrackingNumber} of order {number} (state {state})");
            }
        }

        if (ships && state == MiraklOrderStates.Shipping)
        {
            var (answer, _) = await client.SendAsync(connection, new MarketplaceCall(HttpMethod.Put, $"orders/{Uri.EscapeDataString(number)}/ship", "orders.ship"), cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                // Validated in the meantime (a retry after a lost answer, the back office): the order says so.
                var now = await reader.ReadAsync(connection, number, cancellationToken).ConfigureAwait(false);
                if (now is not { } again || Text(again, "order_state") == MiraklOrderStates.Shipping)
                {
                    return Failed(answer, number, $"Mirakl did not validate the shipment of order {number}; the tracking is there");
                }
            }
        }

        return RecordResult.Success(number);
    }

    private static string? Text(JsonElement json, string field) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A refused call's result: a 401/403 goes up (the key, not the order), anything else fails the order.</summary>
    /// <param name="answer">Mirakl's answer.</param>
    /// <param name="number">The order id.</param>
    /// <param name="what">What Mirakl did not take.</param>
    /// <returns>The failure.</returns>
    /// <exception cref="ConnectSdkException">Mirakl answered 401 or 403.</exception>
    internal static RecordResult Failed(MarketplaceAnswer answer, string number, string what)
    {
        if ((int)answer.StatusCode is 401 or 403)
        {
            // The key, not the order: it goes up, and the SDK pauses the connection with the order waiting.
            throw new ConnectSdkException($"{what}: Mirakl answered {(int)answer.StatusCode} {MiraklClient.Describe(answer.Body)}.") { MarketplaceStatusCode = (int)answer.StatusCode, RecordKey = number };
        }

        return RecordResult.Failure(number, $"Order {number}: {what} ({(int)answer.StatusCode} {MiraklClient.Describe(answer.Body)}).");
    }
}
