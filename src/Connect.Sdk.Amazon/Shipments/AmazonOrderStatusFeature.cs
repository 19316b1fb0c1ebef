using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Orders;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Shipments;
using Microsoft.Extensions.Logging;
using NodaTime.Text;

namespace Connect.Sdk.Amazon.Shipments;

/// <summary>
/// Reports shipments with <c>confirmShipment</c>, one call per package (carrier, tracking number, ship date and the
/// order items with their quantities), for all or part of an order's lines. Amazon derives the order's status from
/// the packages (<c>PartiallyShipped</c>, then <c>Shipped</c>), so the connector sends packages, not statuses.
/// </summary>
/// <remarks>
/// <para>
/// A confirmation is not idempotent: sent twice, Amazon holds two packages. So every export first reads the order's
/// items and their <c>QuantityShipped</c>, and counts the ERP's packages, in the order the ERP lists them, against
/// what Amazon has shipped already; only the packages beyond that are sent. A confirmation that went out without an
/// answer (a <see cref="WriteInDoubtException"/>, which <see cref="MarketplaceClient"/> reports as a non-transient
/// <see cref="ConnectSdkErrorCode.MarketplaceUnavailable"/>) is resolved the same way: the items are read back, and the package is
/// sent again only if Amazon's shipped quantities do not show it.
/// </para>
/// <para>Orders fulfilled by Amazon (AFN) are shipped by Amazon; their export is skipped with that reason.</para>
/// </remarks>
internal sealed class AmazonOrderStatusFeature(AmazonApiClient client, ILogger logger) : IOrderStatusFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        var number = update.OrderNumber;
        if (update.Shipments.Count == 0)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Amazon sets the status of order {number} from its packages; status '{update.Status}' without a package is not sent.");
        }

        var settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var response = await client.GetAsync(settings, AmazonOperation.GetOrder, $"orders/v0/orders/{Uri.EscapeDataString(number)}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return RecordResult.Failure(number, $"Amazon does not know order {number}.");
        }

        if (!response.IsSuccess)
        {
            return RecordResult.Failure(number, AmazonCalls.Refused(settings, AmazonOperation.GetOrder, response, $"order {number}").Message);
        }

        var payload = AmazonCalls.Read(response, AmazonJsonContext.Default.GetOrderResponseJson, settings, $"getOrder {number}").Payload;
        AmazonOrderJson order;
        try
        {
            order = payload.Deserialize(AmazonJsonContext.Default.AmazonOrderJson) ?? throw new JsonException("the order is null");
        }
        catch (JsonException ex)
        {
            return RecordResult.Failure(number, $"Amazon order {number} could not be read: {JsonFieldProblem.Describe(ex, JsonFieldProblem.PascalCase)}");
        }

        if (string.Equals(order.FulfillmentChannel, "AFN", StringComparison.Ordinal))
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Order {number} is fulfilled by Amazon (AFN): Amazon ships it and confirms its packages itself, so nothing is sent.");
        }

        var shipped = await ShippedQuantitiesAsync(settings, number, cancellationToken).ConfigureAwait(false);
        var pending = PackagesToSend(update.Shipments, shipped);
        foreach (var known in update.Shipments.Except(pending))
        {
            AmazonLog.PackageKnown(logger, known.ShipmentId, number, settings.ConnectionId.Value);
        }

        if (pending.Count == 0)
        {
            return RecordResult.Success(number);
        }

        if (!AmazonOrderStatuses.IsReadyToShip(order.OrderStatus))
        {
            return RecordResult.Failure(number, $"Amazon order {number} is {order.OrderStatus}; Amazon takes packages only for Unshipped or PartiallyShipped orders, so {pending.Count} package(s) were not sent.");
        }

        var marketplaceId = order.MarketplaceId ?? settings.MarketplaceIds[0];
        foreach (var shipment in pending)
        {
            if (Invalid(shipment, shipped, number) is { } problem)
            {
                return RecordResult.Failure(number, problem);
            }

            var outcome = await ConfirmAsync(settings, number, marketplaceId, shipment, shipped, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return RecordResult.Success(number);
    }

    /// <summary>
    /// The packages Amazon does not hold yet: the ERP's packages, in its order, are counted against the quantities
    /// Amazon has shipped per item; a package whose every line is covered is on Amazon already.
    /// </summary>
    /// <param name="shipments">The ERP's packages of the order.</param>
    /// <param name="shipped">Amazon's <c>QuantityShipped</c> per order item.</param>
    /// <returns>The packages to send, in the ERP's order.</returns>
    internal static IReadOnlyList<Shipment> PackagesToSend(IReadOnlyList<Shipment> shipments, IReadOnlyDictionary<string, int> shipped)
    {
        var uncounted = new Dictionary<string, int>(shipped, StringComparer.Ordinal);
        var toSend = new List<Shipment>();
        foreach (var shipment in shipments)
        {
            var covered = shipment.Lines
                .GroupBy(l => l.LineId, StringComparer.Ordinal)
                .All(g => uncounted.GetValueOrDefault(g.Key) >= g.Sum(l => l.Quantity));
            if (!covered)
            {
                toSend.Add(shipment);
                continue;
            }

            foreach (var line in shipment.Lines)
            {
                uncounted[line.LineId] -= line.Quantity;
            }
        }

        return toSend;
    }

    private static string? Invalid(Shipment shipment, Dictionary<string, int> shipped, string number)
    {
        if (string.IsNullOrWhiteSpace(shipment.TrackingNumber))
        {
            return $"Package {shipment.ShipmentId} of order {number} has no tracking number; Amazon requires one.";
        }

        if (shipment.Lines.Count == 0)
        {
            return $"Package {shipment.ShipmentId} of order {number} holds no lines.";
        }

        var unknown = shipment.Lines.FirstOrDefault(l => !shipped.ContainsKey(l.LineId) || l.Quantity < 1);
        return unknown is null
            ? null
            : $"Package {shipment.ShipmentId} of order {number}: line '{unknown.LineId}' × {unknown.Quantity} is not an item of the Amazon order (items: {string.Join(", ", shipped.Keys)}) or has no units.";
    }

    private static string Body(string marketplaceId, Shipment shipment)
    {
        var (code, name) = AmazonCarrierCodes.Of(shipment.Carrier);
        return JsonSerializer.Serialize(
            new ConfirmShipmentRequestJson(
                marketplaceId,
                new PackageDetailJson(
                    shipment.ShipmentId,
                    code,
                    shipment.TrackingNumber,
                    InstantPattern.ExtendedIso.Format(shipment.ShippedAt),
                    shipment.Lines.Select(l => new PackageItemJson(l.LineId, l.Quantity)).ToArray(),
                    CarrierName: name)),
            AmazonJsonContext.Default.ConfirmShipmentRequestJson);
    }

    private static bool Shows(Shipment shipment, IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        shipment.Lines
            .GroupBy(l => l.LineId, StringComparer.Ordinal)
            .All(g => after.GetValueOrDefault(g.Key) >= before.GetValueOrDefault(g.Key) + g.Sum(l => l.Quantity));

    /// <summary>Confirms one package; <see langword="null"/> when Amazon holds it afterwards, else the failed result.</summary>
    private async Task<RecordResult?> ConfirmAsync(AmazonConnectionSettings settings, string number, string marketplaceId, Shipment shipment, Dictionary<string, int> shipped, CancellationToken cancellationToken)
    {
        var path = $"orders/v0/orders/{Uri.EscapeDataString(number)}/shipmentConfirmation";
        var body = Body(marketplaceId, shipment);

        // At most one more send, and only after reading back that the first did not land.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            AmazonResponse response;
            try
            {
                response = await client.SendAsync(settings, AmazonOperation.ConfirmShipment, HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectSdkException ex) when (IsInDoubt(ex))
            {
                AmazonLog.WriteInDoubt(logger, AmazonOperation.ConfirmShipment.Name, $"order {number} package {shipment.ShipmentId}", settings.ConnectionId.Value);
                var now = await ShippedQuantitiesAsync(settings, number, cancellationToken).ConfigureAwait(false);
                if (Shows(shipment, shipped, now))
                {
                    Record(shipment, shipped);
                    return null;
                }

                if (attempt == 2)
                {
                    return RecordResult.Failure(number, $"Package {shipment.ShipmentId} (tracking {shipment.TrackingNumber}) of order {number} got no answer twice and Amazon does not show it; the next export reads the order back before sending it again.");
                }

                continue;
            }
            catch (ConnectSdkException ex) when (ex.Code == ConnectSdkErrorCode.MarketplaceUnavailable && !CredentialsRefusal.In(ex))
            {
                return RecordResult.Failure(number, $"Package {shipment.ShipmentId} (tracking {shipment.TrackingNumber}) of order {number} was not confirmed: {settings.Redactor.Redact(ex.Message)}");
            }

            if (response.IsSuccess)
            {
                Record(shipment, shipped);
                return null;
            }

            return RecordResult.Failure(number, $"Amazon refused package {shipment.ShipmentId} (tracking {shipment.TrackingNumber}) of order {number} with {settings.Redactor.Redact(response.Describe())}.");
        }

        return null;
    }

    // MarketplaceClient's word for a write that went out without an answer: unavailable, and not transient because it
    // may have been applied.
    private static bool IsInDoubt(ConnectSdkException failure) =>
        failure is { Code: ConnectSdkErrorCode.MarketplaceUnavailable, IsTransient: false } && !CredentialsRefusal.In(failure);

    private static void Record(Shipment shipment, Dictionary<string, int> shipped)
    {
        foreach (var line in shipment.Lines)
        {
            shipped[line.LineId] = shipped.GetValueOrDefault(line.LineId) + line.Quantity;
        }
    }

    private async Task<Dictionary<string, int>> ShippedQuantitiesAsync(AmazonConnectionSettings settings, string number, CancellationToken cancellationToken)
    {
        var items = await AmazonOrdersFeature.FetchItemsAsync(client, settings, number, cancellationToken).ConfigureAwait(false);
        return items.ToDictionary(i => i.OrderItemId, i => i.QuantityShipped ?? 0, StringComparer.Ordinal);
    }
}
