using System.Net;
using System.Globalization;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Shipments;

/// <summary>
/// Reports shipments: each parcel becomes a customer note with its tracking (<c>POST /orders/{id}/notes</c>), and a
/// fully shipped order gets the status <c>completed</c> (<c>PUT /orders/{id}</c>). A partially shipped order stays
/// <c>processing</c>: WooCommerce has no partial status, and <c>completed</c> would tell the buyer everything is on its
/// way. A cancellation is sent as <c>cancelled</c>; other statuses are WooCommerce's own business.
/// </summary>
/// <remarks>
/// Notes are not idempotent: the order's notes are read first and a parcel whose tracking is already there is not sent
/// again, so a repeated export adds nothing. A note write without an answer (<see cref="WriteInDoubtException"/>) or with
/// a 5xx is resolved the same way, by reading the notes back. The status is an absolute value, retried freely.
/// </remarks>
internal sealed class WooCommerceOrderStatusFeature(WooCommerceClient client, ILogger logger) : IOrderStatusFeature
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
        if (!long.TryParse(update.MarketplaceOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return RecordResult.Failure(number, $"Order {number}: '{update.MarketplaceOrderId}' is not a WooCommerce order id.");
        }

        var wanted = WooStatusFor(update.Status);
        if (update.Shipments.Count == 0 && wanted is null)
        {
            return new RecordResult(number, RecordOutcome.Skipped, $"Order {number}: WooCommerce has no status for '{update.Status}' and there is no parcel to report; nothing sent.");
        }

        var order = await client.SendAsync(connection, WooCommerceCall.Get(string.Create(CultureInfo.InvariantCulture, $"orders/{id}"), "orders.get"), cancellationToken).ConfigureAwait(false);
        if (order.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // The key, not the order: it goes up, and the SDK pauses the connection with the order waiting.
            throw WooCommerceClient.Refused(connection, order, $"order id {id} (order {number})");
        }

        if (!order.IsSuccess)
        {
            return RecordResult.Failure(number, $"Order {number}: WooCommerce answered order id {id} with {(int)order.StatusCode} {WooCommerceClient.Describe(order.Body)}.");
        }

        var current = StatusOf(WooCommerceClient.Read(order, WooCommerceJsonContext.Default.JsonElement, $"order {number}"));
        if (update.Shipments.Count > 0)
        {
            var notes = await NotesAsync(connection, id, number, cancellationToken).ConfigureAwait(false);
            var unsent = UnsentShipments.Of(update, s => notes.Any(n => TrackingNote.Carries(n.Note, s)));
            foreach (var shipment in update.Shipments.Except(unsent))
            {
                WooCommerceLog.NoteAlreadyThere(logger, number, shipment.TrackingNumber, connection.ConnectionId);
            }

            foreach (var shipment in unsent)
            {
                if (await AddNoteAsync(connection, id, number, shipment, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    return failure;
                }
            }
        }

        if (wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal))
        {
            var body = JsonSerializer.Serialize(new WooStatusChangeJson(wanted), WooCommerceJsonContext.Default.WooStatusChangeJson);

            // An absolute status: sending it twice does no harm, so the HTTP foundation may retry it.
            var changed = await client.SendAsync(connection, new WooCommerceCall(HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"orders/{id}"), "orders.update", body, Idempotent: true), cancellationToken).ConfigureAwait(false);
            if (!changed.IsSuccess)
            {
                return RecordResult.Failure(number, $"Order {number}: WooCommerce did not set the status '{wanted}' ({(int)changed.StatusCode} {WooCommerceClient.Describe(changed.Body)}); the tracking notes are there.");
            }
        }

        return RecordResult.Success(number);
    }

    /// <summary>The WooCommerce status an SDK status is reported as, or <see langword="null"/> to leave the order's status alone.</summary>
    /// <param name="status">The ERP's status of the order.</param>
    /// <returns><c>completed</c>, <c>cancelled</c> or <see langword="null"/>.</returns>
    internal static string? WooStatusFor(OrderStatus status)
    {
        if (status == OrderStatus.Shipped || status == OrderStatus.Completed)
        {
            return "completed";
        }

        return status == OrderStatus.Cancelled ? "cancelled" : null;
    }

    private static string? StatusOf(JsonElement order) =>
        order.ValueKind == JsonValueKind.Object && order.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;

    private async Task<WooNoteJson[]> NotesAsync(ConnectionContext connection, long id, string number, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(connection, WooCommerceCall.Get(string.Create(CultureInfo.InvariantCulture, $"orders/{id}/notes"), "notes.list"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ConnectSdkException($"Order {number}: WooCommerce answered its notes with {(int)response.StatusCode} {WooCommerceClient.Describe(response.Body)}; no tracking sent.")
            {
                ConnectionId = connection.ConnectionId,
                RecordKey = number,
                MarketplaceStatusCode = (int)response.StatusCode,
            };
        }

        return WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooNoteJsonArray, $"the notes of order {number}");
    }

    // Returns null when the note is on the order (added now, or found there after a write in doubt), else the failure.
    private async Task<RecordResult?> AddNoteAsync(ConnectionContext connection, long id, string number, Shipment shipment, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new WooNewNoteJson(TrackingNote.Format(shipment), CustomerNote: true), WooCommerceJsonContext.Default.WooNewNoteJson);
        var call = new WooCommerceCall(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"orders/{id}/notes"), "notes.create", body);
        WooCommerceResponse response;
        try
        {
            response = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
        {
            WooCommerceLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            if (await IsThereAsync(connection, id, number, shipment, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            // Not sent again now: WordPress usually finishes a request whose client gave up, so the note may still land
            // after this read. Sending it again at once could mail the buyer twice; the next export reads first.
            return RecordResult.Failure(number, $"Order {number}: the tracking note of parcel {shipment.TrackingNumber} got no answer and is not on the order yet; retry the export: it reads the notes first and sends the note only if it is still missing.");
        }

        if (response.IsSuccess)
        {
            return null;
        }

        // A 5xx may come after the note was stored: the notes tell.
        if ((int)response.StatusCode >= 500 && await IsThereAsync(connection, id, number, shipment, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return RecordResult.Failure(number, $"Order {number}: WooCommerce did not take the tracking note of parcel {shipment.TrackingNumber} ({(int)response.StatusCode} {WooCommerceClient.Describe(response.Body)}).");
    }

    private async Task<bool> IsThereAsync(ConnectionContext connection, long id, string number, Shipment shipment, CancellationToken cancellationToken)
    {
        var notes = await NotesAsync(connection, id, number, cancellationToken).ConfigureAwait(false);
        if (notes.Any(n => TrackingNote.Carries(n.Note, shipment)))
        {
            WooCommerceLog.NoteAlreadyThere(logger, number, shipment.TrackingNumber, connection.ConnectionId);
            return true;
        }

        return false;
    }
}
