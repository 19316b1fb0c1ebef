using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using NodaTime;
using NodaTime.Text;

namespace Basar.Connector.Fake;

/// <content>Orders: seeding, the cursor-paged list, single orders and shipments.</content>
public sealed partial class BasarFake
{
    private const int DefaultLimit = 50;

    /// <summary>Places an order, rendered as Basar's order JSON (money as decimal strings, times in ISO 8601 UTC).</summary>
    /// <param name="order">The order; lines with a foreign number must name offers seeded with <see cref="SeedArticle"/>.</param>
    /// <exception cref="ArgumentException">The order number exists, or a line names an unknown offer.</exception>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (Gate)
        {
            if (FindOrder(order.OrderNumber) is not null)
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            var lines = new JsonArray();
            foreach (var line in order.Lines)
            {
                var offer = line.ForeignNumber is { } foreign ? OfferOf(foreign) : null;
                if (offer is not null && !_offers.ContainsKey(offer))
                {
                    throw new ArgumentException($"Line {line.LineId}: no offer {offer}; seed it first.", nameof(order));
                }

                lines.Add(new JsonObject
                {
                    ["lineId"] = line.LineId,
                    ["offerId"] = offer,
                    ["sellerSku"] = line.Sku,
                    ["title"] = line.Title,
                    ["quantity"] = line.Quantity,
                    ["unitPrice"] = Amount(line.UnitPrice.Amount),
                    ["taxRate"] = line.TaxRate is { } rate ? Amount(rate) : null,
                    ["taxAmount"] = line.TaxAmount is { } tax ? Amount(tax.Amount) : null,
                    ["discount"] = line.Discount is { } discount ? Amount(discount.Amount) : null,
                });
            }

            _orders.Add(new BasarFakeOrder
            {
                Number = order.OrderNumber,
                UpdatedAt = order.UpdatedAt,
                Ordered = order.Lines.ToDictionary(l => l.LineId, l => l.Quantity, StringComparer.Ordinal),
                Json = new JsonObject
                {
                    ["number"] = order.OrderNumber,
                    ["id"] = order.MarketplaceOrderId,
                    ["createdAt"] = InstantPattern.ExtendedIso.Format(order.CreatedAt),
                    ["updatedAt"] = InstantPattern.ExtendedIso.Format(order.UpdatedAt),
                    ["status"] = order.Status.Value,
                    ["currency"] = order.Currency.Value,
                    ["pricesIncludeTax"] = order.PricesIncludeTax,
                    ["lines"] = lines,
                    ["shipping"] = new JsonObject
                    {
                        ["cost"] = Amount(order.ShippingCost.Amount),
                        ["tax"] = order.ShippingTax is { } shippingTax ? Amount(shippingTax.Amount) : null,
                    },
                    ["total"] = order.Total is { } total ? Amount(total.Amount) : null,
                    ["billingAddress"] = RenderAddress(order.BillingAddress),
                    ["shippingAddress"] = RenderAddress(order.ShippingAddress),
                    ["buyerEmail"] = order.BuyerEmail,
                    ["paymentMethod"] = order.PaymentMethod,
                },
            });
        }
    }

    private static JsonObject? RenderAddress(Address? address) => address is null
        ? null
        : new JsonObject
        {
            ["name"] = address.Name,
            ["company"] = address.Company,
            ["street"] = address.Street,
            ["addressLine2"] = address.AddressLine2,
            ["postalCode"] = address.PostalCode,
            ["city"] = address.City,
            ["region"] = address.Region,
            ["countryCode"] = address.CountryCode,
            ["phone"] = address.Phone,
        };

    // The cursor is opaque to clients; inside it is the (updatedAt, number) of the page's last order, so pages stay
    // stable while orders change and a client cannot build one by hand.
    private static string Cursor(BasarFakeOrder last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{last.UpdatedAt.ToUnixTimeTicks()}|{last.Number}")));

    private static (long Ticks, string Number)? ParseCursor(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 2);
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) ? (ticks, parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject RenderShipment(FakeShipment shipment) => new()
    {
        ["carrier"] = shipment.Carrier,
        ["trackingNumber"] = shipment.TrackingNumber,
        ["lines"] = new JsonArray(shipment.Lines.Select(l => (JsonNode)new JsonObject { ["lineId"] = l.LineId, ["quantity"] = l.Quantity }).ToArray()),
    };

    private static JsonObject Render(BasarFakeOrder order)
    {
        var json = order.Json.DeepClone().AsObject();
        json["shipments"] = new JsonArray(order.Shipments.Select(s => (JsonNode)RenderShipment(s)).ToArray());
        return json;
    }

    private FakeResponse ListOrders(FakeCall request)
    {
        var since = Instant.MinValue;
        if (request.Query.TryGetValue("updatedSince", out var sinceText))
        {
            if (InstantPattern.ExtendedIso.Parse(sinceText) is not { Success: true } parsed)
            {
                return Error(400, "invalid_parameter", "updatedSince must be an ISO 8601 UTC time such as 2026-11-23T15:25:46Z.");
            }

            since = parsed.Value;
        }

        var limit = DefaultLimit;
        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > BasarApi.MaxOrderPageSize))
        {
            return Error(400, "invalid_parameter", $"limit must be between 1 and {BasarApi.MaxOrderPageSize}.");
        }

        IEnumerable<BasarFakeOrder> orders = _orders
            .Where(o => o.UpdatedAt >= since)
            .OrderBy(o => o.UpdatedAt)
            .ThenBy(o => o.Number, StringComparer.Ordinal);
        if (request.Query.TryGetValue("cursor", out var cursorText))
        {
            if (ParseCursor(cursorText) is not { } after)
            {
                return Error(400, "invalid_cursor", "The cursor is not one Basar issued.");
            }

            orders = orders.Where(o => o.UpdatedAt.ToUnixTimeTicks() > after.Ticks
                                       || (o.UpdatedAt.ToUnixTimeTicks() == after.Ticks && string.CompareOrdinal(o.Number, after.Number) > 0));
        }

        var rest = orders.Take(limit + 1).ToList();
        var page = rest.Take(limit).ToList();
        return Json(200, new JsonObject
        {
            ["orders"] = new JsonArray(page.Select(o => (JsonNode)Render(o)).ToArray()),
            ["nextCursor"] = rest.Count > limit ? Cursor(page[^1]) : null,
        });
    }

    private FakeResponse GetOrder(FakeCall request) =>
        FindOrder(Uri.UnescapeDataString(request.RouteValues["number"])) is { } order ? Json(200, Render(order)) : OrderNotFound(request);

    private static FakeResponse OrderNotFound(FakeCall request) =>
        Error(404, BasarErrorCodes.OrderNotFound, $"Order {Uri.UnescapeDataString(request.RouteValues["number"])} does not exist.");

    private FakeResponse CreateShipment(FakeCall request)
    {
        if (FindOrder(Uri.UnescapeDataString(request.RouteValues["number"])) is not { } order)
        {
            return OrderNotFound(request);
        }

        if (ParseBody(request) is not { } body
            || body["carrier"] is not JsonValue carrierValue || !carrierValue.TryGetValue<string>(out var carrier) || string.IsNullOrWhiteSpace(carrier)
            || body["trackingNumber"] is not JsonValue trackingValue || !trackingValue.TryGetValue<string>(out var tracking) || string.IsNullOrWhiteSpace(tracking)
            || body["lines"] is not JsonArray { Count: > 0 } lineArray)
        {
            return InvalidBody("expected {\"carrier\", \"trackingNumber\", \"lines\": [{\"lineId\", \"quantity\"}]}");
        }

        if (!BasarApi.KnownCarriers.Contains(carrier, StringComparer.OrdinalIgnoreCase))
        {
            return Error(422, BasarErrorCodes.UnknownCarrier, $"Basar does not know the carrier '{carrier}'; use one of {string.Join(", ", BasarApi.KnownCarriers)}.");
        }

        if ((string?)order.Json["status"] == "cancelled")
        {
            return Error(409, "order_cancelled", $"Order {order.Number} is cancelled.");
        }

        var lines = new List<ShippedLine>();
        foreach (var node in lineArray)
        {
            var lineId = node?["lineId"] is JsonValue l && l.TryGetValue<string>(out var id) ? id : null;
            var quantity = node?["quantity"] is JsonValue q && q.TryGetValue<int>(out var n) ? n : 0;
            if (lineId is null || !order.Ordered.TryGetValue(lineId, out var ordered))
            {
                return Error(422, "unknown_line", $"Order {order.Number} has no line {lineId}.");
            }

            var shipped = order.Shipments.SelectMany(s => s.Lines).Where(s => s.LineId == lineId).Sum(s => s.Quantity);
            if (quantity < 1 || shipped + quantity > ordered)
            {
                return Error(422, "quantity_exceeded", $"Line {lineId} of order {order.Number}: {ordered} ordered, {shipped} shipped, {quantity} more is not possible.");
            }

            lines.Add(new ShippedLine(lineId, quantity));
        }

        var shipment = new FakeShipment(tracking, carrier, lines);
        order.Shipments.Add(shipment);
        var complete = order.Ordered.All(line => order.Shipments.SelectMany(s => s.Lines).Where(s => s.LineId == line.Key).Sum(s => s.Quantity) >= line.Value);
        order.Json["status"] = complete ? OrderStatus.Shipped.Value : OrderStatus.PartiallyShipped.Value;

        // A shipment is a change of the order: it shows up again in an updatedSince import, as on the real Basar.
        order.UpdatedAt = Clock.GetCurrentInstant();
        order.Json["updatedAt"] = InstantPattern.ExtendedIso.Format(order.UpdatedAt);
        return Json(201, RenderShipment(shipment));
    }
}
