namespace Basar.Connector.Shipments;

/// <summary>
/// Reports shipments with <c>POST /api/v1/orders/{number}/shipments</c>, one parcel a call; Basar sets the order's
/// status from them. The order's parcels are read first, so an export that runs again sends only what is missing.
/// </summary>
internal sealed class BasarOrderStatusFeature(BasarClients clients) : IOrderStatusFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        var number = update.OrderNumber;
        if (update.Shipments.Count == 0)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Basar sets the status of order {number} from its shipments; a status '{update.Status}' without a parcel is not sent.");
        }

        var client = await clients.ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var path = $"orders/{Uri.EscapeDataString(number)}";
        var answer = await client.SendAsync(MarketplaceCall.Get(path, "orders.get"), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return RecordResult.Failure(number, client.Refused(answer, $"order {number}").Message);
        }

        var order = client.Read(answer, BasarJsonContext.Default.BasarOrderJson, $"order {number}");
        foreach (var shipment in UnsentShipments.Of(update, (order.Shipments ?? []).Select(s => s.TrackingNumber)))
        {
            var parcel = ToWire(shipment, connection.Settings.Get(BasarConnector.FallbackCarrierKey));
            // Not idempotent: after a 500 or a lost answer the parcel may be stored, and the next export, which reads the
            // order's parcels first, tells. The SDK retries it only after a 429, which Basar answers before processing.
            var created = await client.SendAsync(MarketplaceCall.Json(HttpMethod.Post, $"{path}/shipments", "shipments.create", parcel, BasarJsonContext.Default.BasarShipmentJson), cancellationToken).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                return RecordResult.Failure(number, client.Refused(created, $"parcel {shipment.TrackingNumber} of order {number}").Message);
            }
        }

        return RecordResult.Success(number);
    }

    /// <summary>The parcel in Basar's shape, with a carrier Basar knows.</summary>
    /// <param name="shipment">The ERP's parcel.</param>
    /// <param name="fallbackCarrier">The connection's carrier for services Basar does not know.</param>
    /// <returns>The parcel to post.</returns>
    internal static BasarShipmentJson ToWire(Shipment shipment, string? fallbackCarrier)
    {
        var carrier = BasarApi.KnownCarriers.FirstOrDefault(known => string.Equals(known, shipment.Carrier.Value, StringComparison.OrdinalIgnoreCase))
            ?? fallbackCarrier
            ?? shipment.Carrier.Value;
        return new(carrier, shipment.TrackingNumber, shipment.Lines.Select(l => new BasarShipmentLineJson(l.LineId, l.Quantity)).ToArray());
    }
}
