using System.Text.Json;
using Basar.Connector.Http;
using Basar.Connector.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Shipments;

namespace Basar.Connector.Shipments;

/// <summary>
/// Reports shipments with <c>POST /api/v1/orders/{number}/shipments</c> (carrier, tracking number, lines). Basar sets
/// the order's status from its shipments itself (<c>partially_shipped</c>, then <c>shipped</c>), so the connector sends
/// parcels, not statuses — and only the parcels Basar does not list on the order yet, so an export can be repeated.
/// </summary>
internal sealed class BasarOrderStatusFeature(BasarApiClient client) : IOrderStatusFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var number = update.OrderNumber;
        if (update.Shipments.Count == 0)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Basar sets the status of order {number} from its shipments; a status '{update.Status}' without a parcel is not sent.");
        }

        var path = $"orders/{Uri.EscapeDataString(number)}";
        var response = await client.SendAsync(connection, HttpMethod.Get, path, null, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return RecordResult.Failure(number, $"Basar answered order {number} with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}.");
        }

        var order = BasarApiClient.Read(response, BasarJsonContext.Default.BasarOrderJson, $"order {number}");
        var known = (order.Shipments ?? []).Select(s => s.TrackingNumber).ToHashSet(StringComparer.Ordinal);
        foreach (var shipment in update.Shipments.Where(s => !known.Contains(s.TrackingNumber)))
        {
            var body = JsonSerializer.Serialize(ToWire(shipment, connection.Settings.Get(BasarConnector.FallbackCarrierKey)), BasarJsonContext.Default.BasarShipmentJson);
            var created = await client.SendAsync(connection, HttpMethod.Post, $"{path}/shipments", body, BasarRetry.OnlyUnprocessed, cancellationToken).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                // A 422 (a line or quantity Basar does not take) needs the user; after a 500 the parcel may be stored or not,
                // and the next export, which reads the order's parcels first, will tell. Either way: failed, not retried blindly.
                return RecordResult.Failure(number, $"Basar did not take parcel {shipment.TrackingNumber} of order {number} with {(int)created.StatusCode} {BasarApiClient.Describe(created.Body)}.");
            }
        }

        return RecordResult.Success(number);
    }

    /// <summary>The body of one parcel as Basar documents it.</summary>
    /// <param name="shipment">The ERP's parcel.</param>
    /// <param name="fallbackCarrier">The carrier to report when Basar does not know the parcel's own.</param>
    /// <returns>The wire shape.</returns>
    internal static BasarShipmentJson ToWire(Shipment shipment, string? fallbackCarrier)
    {
        var carrier = BasarApi.KnownCarriers.FirstOrDefault(known => string.Equals(known, shipment.Carrier.Value, StringComparison.OrdinalIgnoreCase))
            ?? fallbackCarrier
            ?? shipment.Carrier.Value;
        return new(carrier, shipment.TrackingNumber, shipment.Lines.Select(l => new BasarShipmentLineJson(l.LineId, l.Quantity)).ToArray());
    }
}
