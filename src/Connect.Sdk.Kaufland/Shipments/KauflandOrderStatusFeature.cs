using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland.Shipments;

/// <summary>
/// Reports shipments: Kaufland marks each order unit (piece) sent on its own, with
/// <c>PATCH /order-units/{id_order_unit}/send</c> <c>{carrier_code, tracking_numbers}</c>. The order is read first
/// (<c>GET /orders/{id_order}</c>) and grouped into the same lines as at import (<see cref="OrderUnitLine"/>); each
/// parcel's quantity of a line is sent as that many of the line's units still to be sent. The order is found by the
/// order number, which is Kaufland's <c>id_order</c> (an order has no other id).
/// </summary>
/// <remarks>
/// <para>
/// Kaufland keeps no tracking number the seller could read back on an order unit, so a repeated export is recognised by
/// count: the pieces of a line already sent stand for the update's first parcels of that line, in the update's order,
/// and only the pieces beyond them are sent. A send is a one-way status change and not repeated by the HTTP foundation;
/// one without an answer is settled by reading the order again.
/// </para>
/// <para>
/// A cancellation needs a reason per order unit from Kaufland's list; the ERP's cancellation is not sent, and the record
/// says so. Other statuses are Kaufland's own business.
/// </para>
/// </remarks>
internal sealed class KauflandOrderStatusFeature(KauflandClient client, ILogger logger) : IOrderStatusFeature
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
            return new RecordResult(number, RecordOutcome.Skipped, update.Status == OrderStatus.Cancelled
                ? $"Order {number}: Kaufland cancels each order unit with a reason from its own list; the ERP's cancellation is not sent. Cancel the order units in the seller portal."
                : $"Order {number}: Kaufland marks order units sent only with a carrier and tracking number, and there is no parcel to report; nothing sent.");
        }

        var lines = await LinesAsync(connection, update, cancellationToken).ConfigureAwait(false);
        if (lines is null)
        {
            return RecordResult.Failure(number, $"Order {number}: Kaufland knows no such order (id_order).");
        }

        var (plan, problem) = Plan(update, lines, connection.ConnectionId);
        if (problem is not null)
        {
            return RecordResult.Failure(number, $"Order {number}: {problem}");
        }

        foreach (var (unit, shipment) in plan)
        {
            if (await SendAsync(connection, update, unit, shipment, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                return failure;
            }
        }

        return RecordResult.Success(number);
    }

    /// <summary>The carrier code a carrier is sent as: the SDK's carrier names are Kaufland's codes for the common carriers.</summary>
    /// <param name="carrier">The ERP's carrier.</param>
    /// <returns>The <c>carrier_code</c>.</returns>
    internal static string CarrierCode(Carrier carrier) => carrier.Value;

    // Which order unit goes out with which parcel: per line, the pieces already sent cover the update's first parcels.
    private (List<(KauflandOrderUnitJson Unit, Shipment Shipment)> Plan, string? Problem) Plan(OrderStatusUpdate update, IReadOnlyList<OrderUnitLine> lines, ConnectionId connection)
    {
        var plan = new List<(KauflandOrderUnitJson, Shipment)>();
        var byId = lines.ToDictionary(l => l.LineId, StringComparer.Ordinal);
        var alreadySent = lines.ToDictionary(l => l.LineId, l => l.Live.Count(u => KauflandApi.SentStatuses.Contains(u.Status)), StringComparer.Ordinal);
        var toSend = lines.ToDictionary(l => l.LineId, l => new Queue<KauflandOrderUnitJson>(l.Live.Where(u => u.Status == KauflandApi.NeedToBeSent)), StringComparer.Ordinal);
        foreach (var shipment in update.Shipments)
        {
            IEnumerable<ShippedLine> shipped = shipment.Lines.Count > 0
                ? shipment.Lines
                : lines.Select(l => new ShippedLine(l.LineId, toSend[l.LineId].Count + alreadySent[l.LineId]));
            foreach (var line in shipped)
            {
                if (!byId.ContainsKey(line.LineId))
                {
                    return (plan, $"parcel {shipment.TrackingNumber} names line {line.LineId}, which the Kaufland order does not have (its lines: {string.Join(", ", byId.Keys)}).");
                }

                var covered = Math.Min(alreadySent[line.LineId], line.Quantity);
                alreadySent[line.LineId] -= covered;
                if (covered > 0)
                {
                    KauflandLog.AlreadySent(logger, update.OrderNumber, covered, line.LineId, connection);
                }

                for (var piece = covered; piece < line.Quantity; piece++)
                {
                    if (!toSend[line.LineId].TryDequeue(out var unit))
                    {
                        return (plan, string.Create(CultureInfo.InvariantCulture, $"parcel {shipment.TrackingNumber} ships {line.Quantity} of line {line.LineId}, but Kaufland has no more of its order units left to send (cancelled or returned ones are not sent)."));
                    }

                    plan.Add((unit, shipment));
                }
            }
        }

        return (plan, null);
    }

    private async Task<IReadOnlyList<OrderUnitLine>?> LinesAsync(ConnectionContext connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        var what = $"order {update.OrderNumber}";
        var (answer, marketplace) = await client.SendAsync(connection, MarketplaceCall.Get($"orders/{Uri.EscapeDataString(update.OrderNumber)}", "orders.get"), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!answer.IsSuccess)
        {
            // Refused keys go up and pause the connection with the order waiting; so does an API that keeps failing.
            throw marketplace.Refused(answer, what);
        }

        var order = marketplace.Read(answer, KauflandJsonContext.Default.KauflandOrderAnswerJson, what).Data;
        return OrderUnitLine.Of(PayloadList.WithoutNulls(order.OrderUnits, "order_units"));
    }

    // Returns null when the unit is sent (now, or found so after a write in doubt), else the record's failure.
    private async Task<RecordResult?> SendAsync(ConnectionContext connection, OrderStatusUpdate update, KauflandOrderUnitJson unit, Shipment shipment, CancellationToken cancellationToken)
    {
        var number = update.OrderNumber;
        var body = new KauflandSendJson(CarrierCode(shipment.Carrier), shipment.TrackingNumber);
        var call = MarketplaceCall.Json(HttpMethod.Patch, string.Create(CultureInfo.InvariantCulture, $"order-units/{unit.IdOrderUnit}/send"), "order-units.send", body, KauflandJsonContext.Default.KauflandSendJson);
        if (await client.SendWriteAsync(connection, call, cancellationToken).ConfigureAwait(false) is not { } written)
        {
            var lines = await LinesAsync(connection, update, cancellationToken).ConfigureAwait(false);
            return lines?.SelectMany(l => l.Units).FirstOrDefault(u => u.IdOrderUnit == unit.IdOrderUnit) is { } now && KauflandApi.SentStatuses.Contains(now.Status)
                ? null
                : RecordResult.Failure(number, string.Create(CultureInfo.InvariantCulture, $"Order {number}: marking order unit {unit.IdOrderUnit} sent with parcel {shipment.TrackingNumber} got no answer and it is not sent yet; retry the export: it reads the order first and sends only what is still to be sent."));
        }

        var (answer, marketplace) = written;
        if (answer.IsSuccess)
        {
            return null;
        }

        if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests || (int)answer.StatusCode >= 500)
        {
            throw marketplace.Refused(answer, $"the shipment of order {number}");
        }

        return RecordResult.Failure(number, string.Create(CultureInfo.InvariantCulture, $"Order {number}: Kaufland did not mark order unit {unit.IdOrderUnit} sent with {body.CarrierCode} {shipment.TrackingNumber} ({(int)answer.StatusCode} {KauflandClient.Describe(answer.Body)})."));
    }
}
