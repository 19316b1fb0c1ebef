using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Fulfillments;

/// <summary>
/// Reports parcels as fulfillments with tracking (number, company, URL): the order's fulfillment orders say what
/// remains to ship, <c>fulfillmentCreate</c> ships the parcel's lines (all or part of them). Shopify sets the order's
/// fulfillment status itself, so the connector sends parcels, not statuses. Every export first reads the fulfillments
/// already on the order and sends only parcels not among them, so an export can be repeated, and a fulfillment sent
/// without an answer is resolved by reading back: never a second fulfillment for one parcel.
/// </summary>
/// <remarks>
/// Shopify keeps no id of the ERP's on a fulfillment, so parcels (the SDK's <c>ShipmentId</c>s) are matched to
/// fulfillments by tracking number, one to one: the n-th parcel of the update with a tracking number counts as sent when
/// the order shows at least n fulfillments with it. Two parcels under one tracking number therefore both ship, and the
/// complete state sent again ships nothing twice.
/// </remarks>
internal sealed class ShopifyOrderStatusFeature(ShopifyGraphQLClient client, ILogger logger) : IOrderStatusFeature
{
    // One resend after a fulfillment was sent without an answer and the read-back shows it did not arrive.
    private const int MaxSends = 2;

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
            return new RecordResult(number, RecordOutcome.Skipped, $"Shopify sets the status of order {number} from its fulfillments; a status '{update.Status}' without a parcel is not sent.");
        }

        var session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        if (!ulong.TryParse(update.MarketplaceOrderId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return RecordResult.Failure(number, $"order {number} has no Shopify order id (got '{update.MarketplaceOrderId}'); import it from Shopify first");
        }

        var orderGid = ShopifyGid.Of("Order", update.MarketplaceOrderId);
        var order = await ReadAsync(session, orderGid, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return RecordResult.Failure(number, $"Shopify has no order {update.MarketplaceOrderId} (order {number})");
        }

        // Per tracking number, how many parcels of this update are matched to a fulfillment already.
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shipment in update.Shipments)
        {
            var before = matched.GetValueOrDefault(shipment.TrackingNumber);
            matched[shipment.TrackingNumber] = before + 1;
            if (FulfillmentsWith(order, shipment.TrackingNumber) > before)
            {
                ShopifyLog.FulfillmentAlreadyThere(logger, shipment.TrackingNumber, number, session.ConnectionId);
                continue;
            }

            for (var send = 1; ; send++)
            {
                if (Plan(order, shipment) is not { } plan)
                {
                    return RecordResult.Failure(number, Unshippable(order, shipment, number));
                }

                var answered = true;
                try
                {
                    var created = await client.SendAsync(session, ShopifyDocuments.FulfillmentCreate, Variables(plan, shipment), ShopifyJsonContext.Default.ShopifyResponseJsonShopifyFulfillmentCreateDataJson, cancellationToken).ConfigureAwait(false);
                    if (created.FulfillmentCreate?.UserErrors is { Count: > 0 } errors)
                    {
                        var why = string.Join("; ", errors.Select(e => e.Message));
                        return RecordResult.Failure(number, $"Shopify refused parcel {shipment.TrackingNumber} of order {number}: {session.Redactor.Redact(why)}");
                    }
                }
                catch (ConnectSdkException ex) when (ShopifyGraphQLClient.IsInDoubt(ex))
                {
                    // Sent, but no readable answer: the order's fulfillments tell whether it arrived.
                    ShopifyLog.WriteInDoubt(logger, ShopifyDocuments.FulfillmentCreate.Name, session.ConnectionId);
                    answered = false;
                }
                catch (ConnectSdkException ex) when (ex.Code is ConnectSdkErrorCode.MarketplaceRefused)
                {
                    // Shopify refused this request (a 4xx) for what it carries: the order's export fails. What is the shop's or
                    // the connection's goes up: still THROTTLED after the tries, or unreachable or a circuit open before it went
                    // out, fails the call for the SDK to try again later; a refused token or scope (ACCESS_DENIED: the app lacks
                    // write_fulfillments) pauses the connection.
                    return RecordResult.Failure(number, $"parcel {shipment.TrackingNumber} of order {number} not sent: {session.Redactor.Redact(ex.Message)}");
                }

                // Read back in every case: the next parcel needs what remains now, and a doubt is resolved by what is there.
                order = await ReadAsync(session, orderGid, cancellationToken).ConfigureAwait(false)
                    ?? throw new ConnectSdkException($"Shopify no longer shows order {number} after its fulfillment (connection {session.ConnectionId}).") { ConnectionId = connection.ConnectionId };
                if (FulfillmentsWith(order, shipment.TrackingNumber) > before)
                {
                    break;
                }

                if (answered)
                {
                    return RecordResult.Failure(number, $"Shopify accepted parcel {shipment.TrackingNumber} of order {number} but does not show it on the order; the next export reads the order again");
                }

                if (send >= MaxSends)
                {
                    return RecordResult.Failure(number, $"parcel {shipment.TrackingNumber} of order {number} was sent {send} times without an answer and is not on the order; the next export reads the order and sends it again");
                }
            }
        }

        return RecordResult.Success(number);
    }

    // Reads the order's fulfillments and all of its fulfillment orders with all of their lines: further pages of
    // fulfillment orders and of a fulfillment order's lines come with follow-ups, each well under Shopify's 1000 points.
    // So do the fulfillments beyond the order's list, which has no further page.
    private async Task<ShopifyOrderJson?> ReadAsync(ShopifySession session, string orderGid, CancellationToken cancellationToken)
    {
        var data = await client.SendAsync(session, ShopifyDocuments.OrderFulfillments, new JsonObject { ["id"] = orderGid, ["after"] = null }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrderDataJson, cancellationToken).ConfigureAwait(false);
        if (data.Order is not { } order)
        {
            return null;
        }

        var fulfillmentOrders = new List<ShopifyFulfillmentOrderJson>(order.FulfillmentOrders?.Nodes ?? []);
        var pageInfo = order.FulfillmentOrders?.PageInfo;
        while (pageInfo is { HasNextPage: true, EndCursor: { } after })
        {
            var next = await client.SendAsync(session, ShopifyDocuments.OrderFulfillments, new JsonObject { ["id"] = orderGid, ["after"] = after }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyOrderDataJson, cancellationToken).ConfigureAwait(false);
            var page = next.Order?.FulfillmentOrders ?? throw Incomplete(session, "fulfillmentOrders");
            fulfillmentOrders.AddRange(page.Nodes ?? []);
            pageInfo = page.PageInfo is { EndCursor: { } cursor } p && cursor != after ? p : null;
        }

        foreach (var fulfillmentOrder in fulfillmentOrders)
        {
            await CompleteLinesAsync(session, fulfillmentOrder, cancellationToken).ConfigureAwait(false);
        }

        order.FulfillmentOrders = new ShopifyNodesJson<ShopifyFulfillmentOrderJson> { Nodes = fulfillmentOrders };
        if (order.Fulfillments is { Count: >= ShopifyDocuments.FulfillmentsRead } listed)
        {
            order.Fulfillments = await AllFulfillmentsAsync(session, listed, fulfillmentOrders, cancellationToken).ConfigureAwait(false);
        }

        return order;
    }

    // Order.fulfillments is a list cut at its first and cannot be paged, so a full list may hide later parcels (which
    // would then be sent again). Every fulfillment is made from fulfillment orders, whose fulfillments are connections:
    // paging through each of them finds all, and one made from several fulfillment orders is counted once by its id.
    private async Task<List<ShopifyFulfillmentJson>> AllFulfillmentsAsync(ShopifySession session, IReadOnlyList<ShopifyFulfillmentJson> listed, List<ShopifyFulfillmentOrderJson> fulfillmentOrders, CancellationToken cancellationToken)
    {
        var all = new List<ShopifyFulfillmentJson>(listed);
        var seen = listed.Select(f => f.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var id in fulfillmentOrders.Select(f => f.Id).OfType<string>())
        {
            string? after = null;
            do
            {
                var data = await client.SendAsync(session, ShopifyDocuments.FulfillmentOrderFulfillments, new JsonObject { ["id"] = id, ["after"] = after }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyFulfillmentOrderDataJson, cancellationToken).ConfigureAwait(false);
                var page = data.FulfillmentOrder?.Fulfillments ?? throw Incomplete(session, "fulfillmentOrder.fulfillments");
                all.AddRange((page.Nodes ?? []).Where(f => f.Id is null || seen.Add(f.Id)));
                after = page.PageInfo is { HasNextPage: true, EndCursor: { } next } && next != after ? next : null;
            }
            while (after is not null);
        }

        return all;
    }

    private async Task CompleteLinesAsync(ShopifySession session, ShopifyFulfillmentOrderJson fulfillmentOrder, CancellationToken cancellationToken)
    {
        if (fulfillmentOrder.LineItems is not { PageInfo: { HasNextPage: true, EndCursor: { } cursor } } first || fulfillmentOrder.Id is not { } id)
        {
            return;
        }

        var lines = new List<ShopifyFulfillmentOrderLineItemJson>(first.Nodes ?? []);
        string? after = cursor;
        while (after is not null)
        {
            var data = await client.SendAsync(session, ShopifyDocuments.FulfillmentOrderLines, new JsonObject { ["id"] = id, ["after"] = after }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyFulfillmentOrderDataJson, cancellationToken).ConfigureAwait(false);
            var page = data.FulfillmentOrder?.LineItems ?? throw Incomplete(session, "fulfillmentOrder.lineItems");
            lines.AddRange(page.Nodes ?? []);
            after = page.PageInfo is { HasNextPage: true, EndCursor: { } next } && next != after ? next : null;
        }

        fulfillmentOrder.LineItems = new ShopifyNodesJson<ShopifyFulfillmentOrderLineItemJson> { Nodes = lines };
    }

    private static ConnectSdkException Incomplete(ShopifySession session, string field) =>
        new($"Shopify answered an order's fulfillment orders without '{field}' (connection {session.ConnectionId}).") { ConnectionId = session.Connection.ConnectionId };

    private static int FulfillmentsWith(ShopifyOrderJson order, string trackingNumber) =>
        (order.Fulfillments ?? []).Count(f => (f.TrackingInfo ?? []).Any(t => string.Equals(t.Number, trackingNumber, StringComparison.Ordinal)));

    // Which fulfillment order lines ship the parcel's lines, or null when one does not fit what remains.
    private static List<(string FulfillmentOrderId, List<(string LineId, int Quantity)> Lines)>? Plan(ShopifyOrderJson order, Shipment shipment)
    {
        var open = (order.FulfillmentOrders?.Nodes ?? []).Where(f => f.Status is not ("CLOSED" or "CANCELLED" or "INCOMPLETE")).ToList();
        var remaining = open
            .SelectMany(f => (f.LineItems?.Nodes ?? []).Select(l => (FulfillmentOrder: f.Id!, Line: l)))
            .Where(x => x.Line.Id is not null && x.Line.LineItem?.Id is not null)
            .ToDictionary(x => x.Line.Id!, x => (x.FulfillmentOrder, LineItem: ShopifyGid.IdOf(x.Line.LineItem!.Id!), Remaining: x.Line.RemainingQuantity ?? 0));
        var plan = new Dictionary<string, List<(string LineId, int Quantity)>>(StringComparer.Ordinal);

        // A parcel without lines ships everything that remains.
        var wanted = shipment.Lines.Count > 0
            ? shipment.Lines
            : remaining.Values.Where(r => r.Remaining > 0).GroupBy(r => r.LineItem).Select(g => new ShippedLine(g.Key, g.Sum(r => r.Remaining))).ToList();
        foreach (var line in wanted)
        {
            var left = line.Quantity;

            // A line item may sit on several fulfillment orders (split between locations): take from each what remains.
            foreach (var (foLineId, entry) in remaining.Where(r => r.Value.LineItem == line.LineId && r.Value.Remaining > 0).ToList())
            {
                var take = Math.Min(left, entry.Remaining);
                if (take <= 0)
                {
                    break;
                }

                if (!plan.TryGetValue(entry.FulfillmentOrder, out var lines))
                {
                    lines = [];
                    plan[entry.FulfillmentOrder] = lines;
                }

                lines.Add((foLineId, take));
                remaining[foLineId] = entry with { Remaining = entry.Remaining - take };
                left -= take;
            }

            if (left > 0)
            {
                return null;
            }
        }

        return plan.Count == 0 ? null : plan.Select(p => (p.Key, p.Value)).ToList();
    }

    private static string Unshippable(ShopifyOrderJson order, Shipment shipment, string number)
    {
        var remaining = (order.FulfillmentOrders?.Nodes ?? [])
            .Where(f => f.Status is not ("CLOSED" or "CANCELLED" or "INCOMPLETE"))
            .SelectMany(f => f.LineItems?.Nodes ?? [])
            .Where(l => l.LineItem?.Id is not null)
            .GroupBy(l => ShopifyGid.IdOf(l.LineItem!.Id!))
            .ToDictionary(g => g.Key, g => g.Sum(l => l.RemainingQuantity ?? 0), StringComparer.Ordinal);
        var problems = shipment.Lines
            .Where(l => remaining.GetValueOrDefault(l.LineId) < l.Quantity)
            .Select(l => remaining.TryGetValue(l.LineId, out var left)
                ? $"line {l.LineId}: {l.Quantity} to ship, {left} remain open"
                : $"line {l.LineId}: not an open line of the order");
        var detail = shipment.Lines.Count == 0 ? "it has no lines" : string.Join("; ", problems);
        return $"parcel {shipment.TrackingNumber} of order {number} does not fit what remains to fulfil on Shopify ({detail})";
    }

    private static JsonObject Variables(List<(string FulfillmentOrderId, List<(string LineId, int Quantity)> Lines)> plan, Shipment shipment)
    {
        var tracking = new JsonObject { ["number"] = shipment.TrackingNumber, ["company"] = shipment.Carrier.Value };
        if (shipment.TrackingUrl is { } url)
        {
            tracking["url"] = url.ToString();
        }

        return new JsonObject
        {
            ["fulfillment"] = new JsonObject
            {
                ["lineItemsByFulfillmentOrder"] = new JsonArray(plan.Select(p => (JsonNode)new JsonObject
                {
                    ["fulfillmentOrderId"] = p.FulfillmentOrderId,
                    ["fulfillmentOrderLineItems"] = new JsonArray(p.Lines.Select(l => (JsonNode)new JsonObject { ["id"] = l.LineId, ["quantity"] = l.Quantity }).ToArray()),
                }).ToArray()),
                ["trackingInfo"] = tracking,
                ["notifyCustomer"] = false,
            },
        };
    }
}
