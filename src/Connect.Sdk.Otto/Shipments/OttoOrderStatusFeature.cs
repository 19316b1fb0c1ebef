using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Orders;
using Connect.Sdk.Otto.Wire;
using Connect.Sdk.Shipments;
using Microsoft.Extensions.Logging;
using NodaTime.Text;

namespace Connect.Sdk.Otto.Shipments;

/// <summary>
/// Reports shipments with <c>POST /v1/shipments</c>: each parcel with its <c>trackingKey</c> (OTTO's carrier code and the
/// tracking number), <c>shipDate</c>, the connection's ship-from address and the pieces it holds, picked from the
/// <c>PROCESSABLE</c> pieces of the lines it names. OTTO has no order status of its own to set: an order is shipped when
/// its pieces are sent.
/// </summary>
/// <remarks>
/// A shipment is not idempotent (OTTO refuses pieces sent already), so the order is read first
/// (<c>GET /v4/orders/{salesOrderId}</c>) and a parcel whose tracking number its pieces carry is not sent again. A shipment
/// without an answer, or answered 409 or 5xx, is resolved the same way, by reading the order back.
/// </remarks>
internal sealed class OttoOrderStatusFeature(OttoClient client, ILogger logger) : IOrderStatusFeature
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
        if (update.Shipments.Count == 0)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Order {number}: OTTO Market takes shipments, not a status ('{update.Status}'), and there is no parcel to report; nothing sent.");
        }

        if (OttoClient.SettingsOf(connection).ShipFrom is not { } shipFrom)
        {
            return RecordResult.Failure(number, $"Order {number}: the ship-from address ({OttoConnector.ShipFromCityKey}, {OttoConnector.ShipFromZipCodeKey}, {OttoConnector.ShipFromCountryKey}) is not set; OTTO Market needs it on every shipment.");
        }

        if (await OrderAsync(connection, update, cancellationToken).ConfigureAwait(false) is not { } order)
        {
            return RecordResult.Failure(number, $"Order {number}: OTTO Market knows no sales order {update.MarketplaceOrderId}.");
        }

        var unsent = UnsentShipments.Of(update, Sent(order));
        foreach (var shipment in update.Shipments.Except(unsent))
        {
            OttoLog.ShipmentAlreadyThere(logger, number, shipment.TrackingNumber, connection.ConnectionId);
        }

        foreach (var shipment in unsent)
        {
            if (await ShipAsync(connection, update, order, shipment, shipFrom, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                return failure;
            }

            // The pieces just sent are no longer PROCESSABLE: the next parcel picks from what OTTO holds now.
            order = await OrderAsync(connection, update, cancellationToken).ConfigureAwait(false) ?? order;
        }

        return RecordResult.Success(number);
    }

    private static IEnumerable<string?> Sent(OttoOrderJson order) =>
        order.PositionItems.OfType<OttoPositionItemJson>().Where(p => p.TrackingInfo is not null).Select(p => p.TrackingInfo!.TrackingNumber);

    private async Task<OttoOrderJson?> OrderAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        var json = await OttoOrdersFeature.ReadAsync(client, connection, update.MarketplaceOrderId, cancellationToken).ConfigureAwait(false);
        try
        {
            return json?.Deserialize(OttoJsonContext.Default.OttoOrderJson);
        }
        catch (JsonException ex)
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Order {update.OrderNumber}: OTTO Market answered its order with a body that is not the documented JSON: {JsonFieldProblem.Describe(ex)}", ex)
            {
                ConnectionId = connection.ConnectionId,
                RecordKey = update.OrderNumber,
            };
        }
    }

    // Null when OTTO holds the parcel (sent now, or found after an answer that left it in doubt), else the failure.
    private async Task<RecordResult?> ShipAsync(ConnectionContext connection, OrderStatusUpdate update, OttoOrderJson order, Shipment shipment, ShipFromAddress shipFrom, CancellationToken cancellationToken)
    {
        var number = update.OrderNumber;
        if (OttoCarriers.CodeOf(shipment.Carrier) is not { } carrier)
        {
            return RecordResult.Failure(number, $"Order {number}: parcel {shipment.TrackingNumber} goes with {shipment.Carrier}, which OTTO Market does not take (trackingKey.carrier is one of {string.Join(", ", OttoApi.Carriers)}).");
        }

        var lines = PositionItemLines.Of(order.PositionItems.OfType<OttoPositionItemJson>());
        var pieces = new List<OttoShipmentItemJson>();
        foreach (var shipped in shipment.Lines)
        {
            var line = lines.FirstOrDefault(l => l.LineId == shipped.LineId);
            var open = line?.Pieces.Where(p => p.FulfillmentStatus == "PROCESSABLE").Take(shipped.Quantity).ToArray() ?? [];
            if (open.Length < shipped.Quantity)
            {
                return RecordResult.Failure(number, $"Order {number}: parcel {shipment.TrackingNumber} holds {shipped.Quantity} of line {shipped.LineId}, but OTTO Market has {open.Length} of its pieces ready to ship (PROCESSABLE){(line is null ? " (no such line)" : string.Empty)}.");
            }

            pieces.AddRange(open.Select(p => new OttoShipmentItemJson(p.PositionItemId, order.SalesOrderId)));
        }

        var body = JsonSerializer.Serialize(
            new OttoShipmentRequestJson(
                new OttoTrackingKeyJson(carrier, shipment.TrackingNumber),
                InstantPattern.ExtendedIso.Format(shipment.ShippedAt),
                new OttoShipFromJson(shipFrom.City, shipFrom.ZipCode, shipFrom.CountryCode),
                [.. pieces]),
            OttoJsonContext.Default.OttoShipmentRequestJson);
        var call = new MarketplaceCall(HttpMethod.Post, "v1/shipments", OttoOperation.ShipmentsCreate) { Body = body };
        OttoResponse response;
        try
        {
            response = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
        {
            OttoLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            return await IsThereAsync(connection, update, shipment, cancellationToken).ConfigureAwait(false)
                ? null
                : RecordResult.Failure(number, $"Order {number}: parcel {shipment.TrackingNumber} got no answer and OTTO Market does not show it yet; retry the export: it reads the order first and sends the parcel only if it is still missing.");
        }

        if (response.IsSuccess)
        {
            return null;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw OttoClient.Refused(response, $"the shipment of order {number}");
        }

        if ((response.StatusCode == HttpStatusCode.Conflict || (int)response.StatusCode >= 500) && await IsThereAsync(connection, update, shipment, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return RecordResult.Failure(number, $"Order {number}: OTTO Market refused parcel {shipment.TrackingNumber} with {(int)response.StatusCode} {OttoErrors.Describe(response.Body)}.");
    }

    private async Task<bool> IsThereAsync(ConnectionContext connection, OrderStatusUpdate update, Shipment shipment, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(connection, update, cancellationToken).ConfigureAwait(false);
        if (order is not null && Sent(order).Contains(shipment.TrackingNumber, StringComparer.Ordinal))
        {
            OttoLog.ShipmentAlreadyThere(logger, update.OrderNumber, shipment.TrackingNumber, connection.ConnectionId);
            return true;
        }

        return false;
    }
}
