using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Shipments;
using NodaTime.Text;

namespace Connect.Sdk.Ebay.Shipments;

/// <summary>
/// Reports shipments with <c>createShippingFulfillment</c>, one package each (its line items and units, ship date,
/// carrier and tracking number), for all or part of an order's lines; eBay derives the order's fulfilment status from
/// the packages, so the connector sends packages, not statuses.
/// </summary>
/// <remarks>
/// A package sent twice is two packages on eBay. So every export first reads the order's packages
/// (<c>getShippingFulfillments</c>) and sends only those whose tracking number eBay does not hold
/// (<see cref="UnsentShipments"/>); a package that went out without an answer is read back the same way before it is
/// sent again.
/// </remarks>
internal sealed class EbayOrderStatusFeature(EbayApiClient client) : IOrderStatusFeature
{
    /// <summary>The operation name of <c>createShippingFulfillment</c>.</summary>
    public const string CreateShippingFulfillment = "fulfillment.createShippingFulfillment";

    /// <summary>The operation name of <c>getShippingFulfillments</c>.</summary>
    public const string GetShippingFulfillments = "fulfillment.getShippingFulfillments";

    // eBay's shippedDate format: "YYYY-MM-DDTHH:MM:SS.SSSZ".
    private static readonly InstantPattern ShippedDate = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'");

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.OrderStatus;

    /// <inheritdoc />
    public async ValueTask<RecordResult> ExportOrderStatusAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var number = update.OrderNumber;
        if (update.Shipments.Count == 0)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"eBay sets the status of order {number} from its packages; status '{update.Status}' without a package is not sent.");
        }

        var settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        if (await SentTrackingNumbersAsync(settings, number, cancellationToken).ConfigureAwait(false) is not { } sent)
        {
            return RecordResult.Failure(number, $"eBay does not know order {number}.");
        }

        foreach (var shipment in UnsentShipments.Of(update, sent))
        {
            if (Invalid(shipment, number) is { } problem)
            {
                return RecordResult.Failure(number, problem);
            }

            if (await SendAsync(settings, number, shipment, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return RecordResult.Success(number);
    }

    private static string? Invalid(Shipment shipment, string number) =>
        string.IsNullOrWhiteSpace(shipment.TrackingNumber) ? $"Package {shipment.ShipmentId} of order {number} has no tracking number; eBay's shipping fulfillment takes one with its carrier."
        : shipment.Lines.Count == 0 ? $"Package {shipment.ShipmentId} of order {number} holds no lines."
        : shipment.Lines.FirstOrDefault(l => l.Quantity < 1) is { } empty ? $"Package {shipment.ShipmentId} of order {number}: line item {empty.LineId} has {empty.Quantity} units."
        : null;

    private async Task<IReadOnlyList<string?>?> SentTrackingNumbersAsync(EbaySettings settings, string number, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(settings, MarketplaceCall.Get($"sell/fulfillment/v1/order/{Uri.EscapeDataString(number)}/shipping_fulfillment", GetShippingFulfillments), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccess)
        {
            throw EbayApiClient.Refused(settings, GetShippingFulfillments, response, $"the packages of order {number}");
        }

        var fulfillments = EbayJson.Read(response, EbayJsonContext.Default.ShippingFulfillmentsJson, settings, $"the packages of order {number}");
        return [.. (fulfillments.Fulfillments ?? []).OfType<ShippingFulfillmentJson>().Select(f => f.ShipmentTrackingNumber)];
    }

    private async Task<RecordResult?> SendAsync(EbaySettings settings, string number, Shipment shipment, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(
            new ShippingFulfillmentRequestJson(
                [.. shipment.Lines.Select(l => new FulfilledLineJson(l.LineId, l.Quantity))],
                ShippedDate.Format(shipment.ShippedAt),
                EbayCarrierCodes.Of(shipment.Carrier),
                shipment.TrackingNumber),
            EbayJsonContext.Default.ShippingFulfillmentRequestJson);
        var call = new MarketplaceCall(HttpMethod.Post, $"sell/fulfillment/v1/order/{Uri.EscapeDataString(number)}/shipping_fulfillment", CreateShippingFulfillment) { Body = body };
        EbayResponse response;
        try
        {
            response = await client.SendAsync(settings, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (ex.InnerException is WriteInDoubtException)
        {
            // Sent without an answer: eBay may hold the package. Read back; if it is there, it counts as sent.
            var now = await SentTrackingNumbersAsync(settings, number, cancellationToken).ConfigureAwait(false) ?? [];
            return now.Contains(shipment.TrackingNumber, StringComparer.Ordinal)
                ? null
                : RecordResult.Failure(number, $"Package {shipment.ShipmentId} (tracking {shipment.TrackingNumber}) of order {number} got no answer and eBay does not show it; the next export reads the order's packages back before sending it again.");
        }

        return response.IsSuccess
            ? null
            : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? throw EbayApiClient.Refused(settings, CreateShippingFulfillment, response, $"package {shipment.ShipmentId} of order {number}")
                : RecordResult.Failure(number, $"eBay refused package {shipment.ShipmentId} (tracking {shipment.TrackingNumber}) of order {number} with {(int)response.StatusCode} {settings.Redactor.Redact(EbayResponse.Describe(response.Body))}.");
    }
}
