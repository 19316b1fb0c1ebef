using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <content>
/// Orders: OR11 (<c>GET /api/orders</c>) with <c>order_ids</c>, <c>order_state_codes</c>, <c>start_update_date</c>,
/// <c>end_update_date</c> and <c>offset</c>/<c>max</c> paging, sorted by creation date; OR21 (<c>PUT
/// /api/orders/{order_id}/accept</c>); OR23 (<c>PUT /api/orders/{order_id}/tracking</c>); OR24 (<c>PUT
/// /api/orders/{order_id}/ship</c>).
/// </content>
public sealed partial class MiraklFake
{
    /// <summary>
    /// Places an order the shop has accepted and the buyer has paid (<c>SHIPPING</c>), in Mirakl's OR11 shape: the order
    /// number is the <c>order_id</c>, the marketplace order id the <c>commercial_id</c>, each line's foreign number its
    /// <c>offer_sku</c>.
    /// </summary>
    /// <param name="order">The order.</param>
    public override void SeedOrder(MarketplaceOrder order) => Place(order, MiraklOrderStates.Shipping);

    /// <summary>Places an order whose lines wait for the shop's acceptance (<c>WAITING_ACCEPTANCE</c>).</summary>
    /// <param name="order">The order.</param>
    public void SeedOrderAwaitingAcceptance(MarketplaceOrder order) => Place(order, MiraklOrderStates.WaitingAcceptance);

    /// <summary>Completes the buyer's debit of an accepted order: <c>WAITING_DEBIT_PAYMENT</c> becomes <c>SHIPPING</c>.</summary>
    /// <param name="orderNumber">The order id.</param>
    /// <exception cref="InvalidOperationException">The order does not wait for its debit.</exception>
    public void Debit(string orderNumber) => ChangeOrder(orderNumber, json =>
    {
        if ((string?)json["order_state"] != MiraklOrderStates.WaitingDebitPayment)
        {
            throw new InvalidOperationException($"Order {orderNumber} does not wait for its debit.");
        }

        SetState(json, MiraklOrderStates.Shipping, lineState: MiraklOrderStates.Shipping);
    });

    private static void SetState(JsonObject order, string state, string lineState)
    {
        order["order_state"] = state;
        foreach (var line in order["order_lines"]!.AsArray())
        {
            if ((string?)line!["order_line_state"] is not MiraklOrderStates.Refused)
            {
                line["order_line_state"] = lineState;
            }
        }
    }

    private static JsonObject Address(Address? address)
    {
        var name = address?.Name ?? string.Empty;
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return new JsonObject
        {
            ["firstname"] = space < 0 ? name : name[..space],
            ["lastname"] = space < 0 ? string.Empty : name[(space + 1)..],
            ["company"] = address?.Company,
            ["street_1"] = address?.Street,
            ["street_2"] = address?.AddressLine2,
            ["zip_code"] = address?.PostalCode,
            ["city"] = address?.City,
            ["state"] = address?.Region,
            ["country_iso_code"] = address is null ? null : new RegionInfo(address.CountryCode).ThreeLetterISORegionName,
            ["phone"] = address?.Phone,
        };
    }

    private static JsonArray Taxes(Money? amount, decimal? rate) => amount is null && rate is null
        ? []
        : [new JsonObject { ["amount"] = amount?.Amount ?? 0m, ["code"] = "VAT", ["rate"] = rate * 100m }];

    private void Place(MarketplaceOrder order, string state)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Fees.Count > 0)
        {
            throw new ArgumentException("The Mirakl fake models no order fees.", nameof(order));
        }

        lock (Gate)
        {
            if (FindOrder(order.OrderNumber) is not null)
            {
                throw new ArgumentException($"Order {order.OrderNumber} exists already.", nameof(order));
            }

            _orders.Add(new MiraklOrder { Id = order.OrderNumber, Json = Render(order, state) });
        }
    }

    private static JsonObject Render(MarketplaceOrder order, string state)
    {
        var lines = new JsonArray();
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var price = line.Total.Amount;
            // Mirakl's whole shipping is the sum of its lines'; the fake puts it on the first line.
            var shipping = i == 0 ? order.ShippingCost.Amount : 0m;
            var origin = line.Discount is { } discount ? line.UnitPrice.Amount + (discount.Amount / line.Quantity) : line.UnitPrice.Amount;
            lines.Add(new JsonObject
            {
                ["order_line_id"] = line.LineId,
                ["order_line_index"] = i + 1,
                ["order_line_state"] = state,
                ["offer_id"] = 2000 + i,
                ["offer_sku"] = line.ForeignNumber?.Value,
                ["product_shop_sku"] = line.Sku,
                ["product_sku"] = line.ForeignNumber is { } foreign ? "P-" + foreign.Value : null,
                ["product_title"] = line.Title,
                ["quantity"] = line.Quantity,
                ["price_unit"] = line.UnitPrice.Amount,
                ["origin_unit_price"] = Math.Round(origin, 2),
                ["price"] = price,
                ["shipping_price"] = shipping,
                ["taxes"] = Taxes(line.TaxAmount, line.TaxRate),
                ["shipping_taxes"] = i == 0 && order.ShippingTax is { } shippingTax ? Taxes(shippingTax, null) : new JsonArray(),
                ["total_price"] = price + shipping,
                ["created_date"] = Date(order.CreatedAt),
                ["last_updated_date"] = Date(order.UpdatedAt),
            });
        }

        var total = order.Lines.Sum(l => l.Total.Amount);
        return new JsonObject
        {
            ["order_id"] = order.OrderNumber,
            ["commercial_id"] = order.MarketplaceOrderId,
            ["order_state"] = state,
            ["created_date"] = Date(order.CreatedAt),
            ["last_updated_date"] = Date(order.UpdatedAt),
            ["currency_iso_code"] = order.Currency.Value,
            ["order_tax_mode"] = order.PricesIncludeTax ? "TAX_INCLUDED" : "TAX_EXCLUDED",
            ["payment_type"] = order.PaymentMethod,
            ["customer_notification_email"] = order.BuyerEmail,
            ["customer"] = new JsonObject
            {
                ["customer_id"] = "C-" + order.OrderNumber,
                ["firstname"] = (string?)Address(order.BillingAddress ?? order.ShippingAddress)["firstname"],
                ["lastname"] = (string?)Address(order.BillingAddress ?? order.ShippingAddress)["lastname"],
                ["billing_address"] = order.BillingAddress is null ? null : Address(order.BillingAddress),
                ["shipping_address"] = order.ShippingAddress is null ? null : Address(order.ShippingAddress),
            },
            ["price"] = total,
            ["shipping_price"] = order.ShippingCost.Amount,
            ["total_price"] = order.Total?.Amount ?? total + order.ShippingCost.Amount,
            ["order_lines"] = lines,
        };
    }

    private void MapOrders()
    {
        Map("orders.list", "GET", $"{Api}/orders", ListOrders);
        Map("orders.accept", "PUT", $"{Api}/orders/(?<id>[^/]+)/accept", Accept);
        Map("orders.tracking", "PUT", $"{Api}/orders/(?<id>[^/]+)/tracking", Track);
        Map("orders.ship", "PUT", $"{Api}/orders/(?<id>[^/]+)/ship", Ship);
    }

    private FakeResponse ListOrders(FakeCall request)
    {
        var offset = 0;
        var max = DefaultMax;
        if (request.Query.TryGetValue("offset", out var offsetText) && (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return Error(400, "offset must be a positive integer");
        }

        if (request.Query.TryGetValue("max", out var maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1 || max > MaxMax))
        {
            return Error(400, $"max must be between 1 and {MaxMax}");
        }

        if (!TryDate(request, "start_update_date", out var from, out var refusal) || !TryDate(request, "end_update_date", out var to, out refusal))
        {
            return refusal!;
        }

        var ids = List(request, "order_ids");
        var states = List(request, "order_state_codes");
        var matching = _orders
            .Where(o => ids is null || ids.Contains(o.Id))
            .Where(o => states is null || states.Contains(o.State))
            .Where(o => from is null || o.Updated >= from)
            .Where(o => to is null || o.Updated <= to)
            .OrderBy(o => o.Created)
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        var page = new JsonArray([.. matching.Skip(offset).Take(max).Select(o => (JsonNode)o.Json.DeepClone())]);
        return Json(200, new JsonObject { ["orders"] = page, ["total_count"] = matching.Count });
    }

    private FakeResponse Accept(FakeCall request)
    {
        if (FindOrder(request.RouteValues["id"]) is not { } order)
        {
            return Error(404, $"Order {request.RouteValues["id"]} not found");
        }

        if (order.State != MiraklOrderStates.WaitingAcceptance)
        {
            return Error(400, $"Order {order.Id} is not in state {MiraklOrderStates.WaitingAcceptance}");
        }

        if (ParseBody(request)?["order_lines"] is not JsonArray decisions)
        {
            return Error(400, "order_lines is required");
        }

        var lines = order.Json["order_lines"]!.AsArray().Select(l => l!.AsObject()).ToList();
        var accepted = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            var id = (string?)decision?["id"];
            if (id is null || decision!["accepted"] is not JsonValue flag || !flag.TryGetValue<bool>(out var isAccepted))
            {
                return Error(400, "Each order line needs an id and accepted (true or false)");
            }

            if (!lines.Exists(l => (string?)l["order_line_id"] == id))
            {
                return Error(400, $"Order line {id} does not belong to order {order.Id}");
            }

            accepted[id] = isAccepted;
        }

        // Conservative reading: every line is decided in one call, so an order never stays half decided.
        if (lines.Find(l => !accepted.ContainsKey((string)l["order_line_id"]!)) is { } undecided)
        {
            return Error(400, $"Order line {(string)undecided["order_line_id"]!} of order {order.Id} was neither accepted nor refused");
        }

        foreach (var line in lines)
        {
            line["order_line_state"] = accepted[(string)line["order_line_id"]!] ? MiraklOrderStates.WaitingAcceptance : MiraklOrderStates.Refused;
        }

        var next = !accepted.ContainsValue(true) ? MiraklOrderStates.Refused
            : AcceptedOrdersWaitForDebit ? MiraklOrderStates.WaitingDebitPayment
            : MiraklOrderStates.Shipping;
        SetState(order.Json, next, next);
        order.Json["acceptance_decision_date"] = Date(Clock.GetCurrentInstant());
        Touch(order);
        return NoContent();
    }

    private FakeResponse Track(FakeCall request)
    {
        if (FindOrder(request.RouteValues["id"]) is not { } order)
        {
            return Error(404, $"Order {request.RouteValues["id"]} not found");
        }

        if (order.State is not (MiraklOrderStates.Shipping or MiraklOrderStates.Shipped))
        {
            return Error(400, $"The tracking of order {order.Id} cannot be updated in state {order.State}");
        }

        if (ParseBody(request) is not { } body)
        {
            return Error(400, "The body must be a JSON object");
        }

        var code = (string?)body["carrier_code"];
        var name = (string?)body["carrier_name"];
        var number = (string?)body["tracking_number"];
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(name))
        {
            return Error(400, "carrier_code or carrier_name is required");
        }

        order.Json["shipping_carrier_code"] = code;
        order.Json["shipping_company"] = name ?? code;
        order.Json["shipping_tracking"] = number;
        order.Json["shipping_tracking_url"] = (string?)body["carrier_url"];
        var allLines = order.Json["order_lines"]!.AsArray()
            .Select(l => new Connect.Sdk.Shipments.ShippedLine((string)l!["order_line_id"]!, (int)l["quantity"]!))
            .ToArray();
        order.Trackings.Add(new FakeShipment(number ?? string.Empty, (code ?? name)!, allLines));
        Touch(order);
        return NoContent();
    }

    private FakeResponse Ship(FakeCall request)
    {
        if (FindOrder(request.RouteValues["id"]) is not { } order)
        {
            return Error(404, $"Order {request.RouteValues["id"]} not found");
        }

        if (order.State != MiraklOrderStates.Shipping)
        {
            return Error(400, $"Order {order.Id} is not in state {MiraklOrderStates.Shipping}");
        }

        SetState(order.Json, MiraklOrderStates.Shipped, MiraklOrderStates.Shipped);
        Touch(order);
        return NoContent();
    }

    private static HashSet<string>? List(FakeCall request, string name) =>
        request.Query.TryGetValue(name, out var text) && text.Length > 0
            ? new HashSet<string>(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)
            : null;

    private static bool TryDate(FakeCall request, string name, out DateTimeOffset? date, out FakeResponse? refusal)
    {
        date = null;
        refusal = null;
        if (!request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            refusal = Error(400, $"{name} must be an ISO 8601 date");
            return false;
        }

        date = parsed;
        return true;
    }
}
