using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.Mirakl.Shipments;

/// <summary>
/// Sends parcels through Mirakl's multiple-shipments API, for operators that have enabled it (setting
/// <c>shipments: lines</c>): the order's shipments are read with ST11 (<c>GET /api/shipments?order_id=…</c>), and each
/// parcel whose tracking number is not among them goes out with ST01 (<c>POST /api/shipments</c>) as a shipment of its
/// lines, with its tracking, created shipped (<c>shipped: true</c>). Mirakl ships the order once every line is
/// shipped, so no OR24 follows. ST01 adds a shipment per call, so it is not retried blindly: after a lost answer the
/// next export reads ST11 first and sends only what is missing.
/// </summary>
/// <param name="client">The connector's client.</param>
internal sealed class LineShipments(MiraklClient client)
{
    /// <summary>The most ST11 pages read for one order; an order has a handful of shipments.</summary>
    private const int MaxPages = 20;

    /// <summary>Sends the update's parcels that Mirakl does not hold yet.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="update">The status update.</param>
    /// <param name="state">The order's Mirakl state, for messages.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>Success once every parcel is there, or the failure naming the parcel Mirakl did not take.</returns>
    public async Task<RecordResult> SendAsync(ConnectionContext connection, OrderStatusUpdate update, string state, CancellationToken cancellationToken)
    {
        var number = update.OrderNumber;
        var held = await HeldTrackingNumbersAsync(connection, number, cancellationToken).ConfigureAwait(false);
        foreach (var parcel in UnsentShipments.Of(update, held))
        {
            var shipment = new MiraklShipmentJson(
                number,
                [.. parcel.Lines.Select(l => new MiraklShipmentLineJson(l.LineId, l.Quantity))],
                new MiraklShipmentTrackingJson(parcel.Carrier.Value, parcel.TrackingNumber, parcel.TrackingUrl?.AbsoluteUri),
                Shipped: true);
            var body = JsonSerializer.Serialize(new MiraklCreateShipmentsJson([shipment]), MiraklJsonContext.Default.MiraklCreateShipmentsJson);
            var (answer, _) = await client.SendAsync(connection, new MarketplaceCall(HttpMethod.Post, "shipments", "shipments.create") { Body = body }, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                return MiraklOrderStatusFeature.Failed(answer, number, $"Mirakl did not take the shipment {parcel.TrackingNumber} of order {number} (state {state})");
            }

            var created = JsonSerializer.Deserialize(answer.Body, MiraklJsonContext.Default.MiraklCreatedShipmentsJson);
            if (created?.Errors is { Length: > 0 } errors)
            {
                return RecordResult.Failure(number, $"Order {number}: Mirakl refused the shipment {parcel.TrackingNumber} (state {state}): {ErrorText.OneLine(errors[0].Message ?? "no reason given", MiraklClient.MaxMessageLength)}.");
            }
        }

        return RecordResult.Success(number);
    }

    private async Task<List<string?>> HeldTrackingNumbersAsync(ConnectionContext connection, string number, CancellationToken cancellationToken)
    {
        var held = new List<string?>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var path = $"shipments?order_id={Uri.EscapeDataString(number)}" + (token is null ? string.Empty : $"&page_token={Uri.EscapeDataString(token)}");
            var list = await client.ReadAsync(connection, MarketplaceCall.Get(path, "shipments.list"), MiraklJsonContext.Default.MiraklShipmentListJson, $"the shipments of order {number}", cancellationToken).ConfigureAwait(false);
            held.AddRange((list.Data ?? []).Where(s => s.OrderId is null || s.OrderId == number).Select(s => s.Tracking?.TrackingNumber));
            token = list.NextPageToken;
            if (string.IsNullOrEmpty(token))
            {
                return held;
            }
        }

        throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Mirakl listed more than {MaxPages} pages of shipments for order {number}.");
    }
}
