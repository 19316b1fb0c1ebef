using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.Testing.Fakes.Shopware;

/// <content>
/// Orders: <c>POST /api/search/order</c> with only the associations asked for, the delivery's tracking codes and custom
/// fields through <c>PATCH /api/order-delivery/{id}</c> (204) and its state through
/// <c>POST /api/_action/order_delivery/{id}/state/{transition}</c>.
/// </content>
public sealed partial class ShopwareFake
{
    /// <summary>
    /// The delivery custom field where a connector keeps what Shopware has no field for: each parcel's tracking code,
    /// carrier and lines (<c>[{trackingCode, carrier, lines:[{orderLineItemId, quantity}]}]</c>).
    /// </summary>
    public const string ParcelsCustomField = "connect_sdk_parcels";

    // The associations a response leaves out unless the criteria ask for them (Shopware loads none it is not asked for).
    private static readonly string[] OrderAssociations = ["lineItems", "deliveries", "transactions", "billingAddress", "currency", "orderCustomer", "stateMachineState"];

    private static readonly string[] AddressAssociations = ["country", "countryState"];

    private static readonly string[] DeliveryAssociations = ["shippingOrderAddress", "shippingMethod", "stateMachineState"];

    /// <summary>
    /// Places an order: one delivery (state <c>open</c>, shipping method "Standard"), one transaction, the lines as
    /// product line items whose <c>payload.productNumber</c> is the line's foreign number. Line ids are kept as seeded
    /// (Shopware's are 32-hex ids; the kit seeds digits). Lines with a discount are rendered as Shopware keeps them: the
    /// product at its price before the discount, and one promotion line item (<c>type</c> promotion) with the negative
    /// total, <c>calculatedTaxes</c> per rate reversing the discounted lines' tax and <c>payload.composition</c> naming each
    /// line (by <c>identifier</c>) and its share; <c>positionPrice</c>, <c>amountNet</c> and <c>amountTotal</c> are after it.
    /// </summary>
    /// <param name="order">The order.</param>
    public override void SeedOrder(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (Gate)
        {
            var id = NewId();
            var delivery = new ShopwareDelivery { Id = NewId(), ShippingMethod = "Standard" };
            var json = ShopwareOrderJson.Render(order, id, delivery.Id, number => _products.Find(p => p.ProductNumber == number)?.Id ?? NewId());
            _orders.Add(new ShopwareOrder
            {
                Id = id,
                OrderNumber = order.OrderNumber,
                Json = json,
                CreatedAt = order.CreatedAt,
                UpdatedAt = order.UpdatedAt == order.CreatedAt ? null : order.UpdatedAt,
                State = order.Status == OrderStatus.Cancelled ? "cancelled" : "open",
                Delivery = delivery,
            });
        }
    }

    /// <summary>Changes an order as the shop owner does in the Administration, which stamps <c>updatedAt</c>.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="change">Changes the order's JSON (with every association).</param>
    public void ChangeOrder(string orderNumber, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var order = _orders.Find(o => o.OrderNumber == orderNumber) ?? throw new KeyNotFoundException($"No order has number {orderNumber}.");
            change(order.Json);
            order.UpdatedAt = Clock.GetCurrentInstant();
        }
    }

    /// <summary>Sets the state of the order's delivery as the shop owner does in the Administration (no transition checked).</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <param name="state">The technical name, e.g. <c>cancelled</c>.</param>
    public void SetDeliveryState(string orderNumber, string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        lock (Gate)
        {
            var order = _orders.Find(o => o.OrderNumber == orderNumber) ?? throw new KeyNotFoundException($"No order has number {orderNumber}.");
            order.Delivery.State = state;
            order.UpdatedAt = Clock.GetCurrentInstant();
        }
    }

    /// <summary>The state of the order's delivery (<c>open</c>, <c>shipped_partially</c>, <c>shipped</c>, …), or <see langword="null"/>.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The technical name.</returns>
    public string? DeliveryStateOf(string orderNumber)
    {
        lock (Gate)
        {
            return _orders.Find(o => o.OrderNumber == orderNumber)?.Delivery.State;
        }
    }

    /// <summary>The tracking codes of the order's delivery, as held (a code written twice is there twice).</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The codes.</returns>
    public IReadOnlyList<string> TrackingCodesOf(string orderNumber)
    {
        lock (Gate)
        {
            return [.. _orders.Find(o => o.OrderNumber == orderNumber)?.Delivery.TrackingCodes ?? []];
        }
    }

    /// <summary>The order's status read from its delivery: shipped, shipped partially, else the order's own state.</summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The status, or <see langword="null"/> for an unknown order.</returns>
    public override OrderStatus? StatusOf(string orderNumber)
    {
        lock (Gate)
        {
            if (_orders.Find(o => o.OrderNumber == orderNumber) is not { } order)
            {
                return null;
            }

            return (order.Delivery.State, order.State) switch
            {
                ("shipped", _) => OrderStatus.Shipped,
                ("shipped_partially", _) => OrderStatus.PartiallyShipped,
                (_, "cancelled") => OrderStatus.Cancelled,
                (_, "completed") => OrderStatus.Completed,
                _ => OrderStatus.Open,
            };
        }
    }

    /// <summary>
    /// What Shopware itself keeps of the shipments: one per tracking code on the delivery (a code held twice counts
    /// twice), with the delivery's shipping method as carrier and no lines, as Shopware keeps no carrier or lines per
    /// code. What a connector wrote into its own custom field is not read here (see <see cref="ParcelsOf"/>): a check
    /// against it would check the connector against itself.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The shipments.</returns>
    public override IReadOnlyList<FakeShipment> ShipmentsOf(string orderNumber)
    {
        lock (Gate)
        {
            if (_orders.Find(o => o.OrderNumber == orderNumber) is not { } order)
            {
                return [];
            }

            return [.. order.Delivery.TrackingCodes.Select(code => new FakeShipment(code, order.Delivery.ShippingMethod, []))];
        }
    }

    /// <summary>
    /// The delivery's <see cref="ParcelsCustomField"/> as a connector wrote it (a copy), or <see langword="null"/> when
    /// none was written: for a test of what the connector writes, never for what Shopware holds.
    /// </summary>
    /// <param name="orderNumber">The order number.</param>
    /// <returns>The custom field's value.</returns>
    public JsonNode? ParcelsOf(string orderNumber)
    {
        lock (Gate)
        {
            return _orders.Find(o => o.OrderNumber == orderNumber)?.Delivery.CustomFields[ParcelsCustomField]?.DeepClone();
        }
    }

    /// <summary>Every order as the search API renders it with every association (copies), oldest first.</summary>
    /// <returns>The orders.</returns>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (Gate)
        {
            return [.. _orders.Select(Current)];
        }
    }

    private void MapOrders()
    {
        Map("order.search", "POST", "/api/search/order", SearchOrders);
        Map("order-delivery.update", "PATCH", "/api/order-delivery/(?<id>[^/]+)", UpdateDelivery);
        Map("order_delivery.transition", "POST", "/api/_action/order_delivery/(?<id>[^/]+)/state/(?<transition>[^/]+)", TransitionDelivery);
    }

    private FakeResponse SearchOrders(FakeCall request)
    {
        var criteria = ReadCriteria(request, out var refusal);
        if (criteria is null)
        {
            return refusal!;
        }

        var answer = SearchResult(request, criteria, _orders.Select(Current));
        var body = JsonNode.Parse(answer.Body!)!.AsObject();
        foreach (var order in body["data"]!.AsArray().OfType<JsonObject>())
        {
            Trim(order, criteria);
        }

        return answer with { Body = body.ToJsonString(Compact) };
    }

    // The order as held now: its delivery's codes, state and custom fields and its own state written into the JSON.
    private JsonObject Current(ShopwareOrder order)
    {
        var json = order.Json.DeepClone().AsObject();
        json["updatedAt"] = order.UpdatedAt is { } updated ? Date(updated) : null;
        json["stateMachineState"] = new JsonObject { ["technicalName"] = order.State };
        var delivery = json["deliveries"]![0]!.AsObject();
        delivery["trackingCodes"] = new JsonArray([.. order.Delivery.TrackingCodes.Select(c => (JsonNode)c)]);
        delivery["stateMachineState"] = new JsonObject { ["technicalName"] = order.Delivery.State };
        delivery["customFields"] = order.Delivery.CustomFields.DeepClone();
        return json;
    }

    private static void Trim(JsonObject order, ShopwareCriteria criteria)
    {
        foreach (var association in OrderAssociations.Where(a => !criteria.Wants(a)))
        {
            order.Remove(association);
        }

        TrimAddress(order["billingAddress"] as JsonObject, "billingAddress", criteria);
        foreach (var delivery in (order["deliveries"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var association in DeliveryAssociations.Where(a => !criteria.Wants("deliveries." + a)))
            {
                delivery.Remove(association);
            }

            TrimAddress(delivery["shippingOrderAddress"] as JsonObject, "deliveries.shippingOrderAddress", criteria);
        }

        foreach (var transaction in (order["transactions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (!criteria.Wants("transactions.paymentMethod"))
            {
                transaction.Remove("paymentMethod");
            }
        }
    }

    private static void TrimAddress(JsonObject? address, string path, ShopwareCriteria criteria)
    {
        foreach (var association in AddressAssociations.Where(a => address is not null && !criteria.Wants($"{path}.{a}")))
        {
            address!.Remove(association);
        }
    }

    private FakeResponse UpdateDelivery(FakeCall request)
    {
        var id = request.RouteValues["id"];
        if (_orders.Find(o => o.Delivery.Id == id) is not { } order)
        {
            return Error(404, "FRAMEWORK__RESOURCE_NOT_FOUND", "Not Found", $"The order_delivery resource with the following primary key was not found: id({id})");
        }

        if (ParseObject(request.Body) is not { } body)
        {
            return Error(400, "FRAMEWORK__INVALID_REQUEST_BODY", "Bad Request", "The JSON payload is malformed.");
        }

        if (body["trackingCodes"] is { } codes)
        {
            if (codes is not JsonArray list || list.Any(c => c is not JsonValue v || !v.TryGetValue<string>(out _)))
            {
                return Error(400, "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "Bad Request", "This value should be of type array.", pointer: "/trackingCodes");
            }

            order.Delivery.TrackingCodes.Clear();
            order.Delivery.TrackingCodes.AddRange(list.Select(c => (string)c!));
        }

        if (body["customFields"] is JsonObject customFields)
        {
            // Custom fields are merged key by key, as the JSON field's write does.
            foreach (var (key, value) in customFields)
            {
                order.Delivery.CustomFields[key] = value?.DeepClone();
            }
        }

        order.UpdatedAt = Clock.GetCurrentInstant();
        return new FakeResponse(204, null);
    }

    private FakeResponse TransitionDelivery(FakeCall request)
    {
        var id = request.RouteValues["id"];
        var transition = request.RouteValues["transition"];
        if (_orders.Find(o => o.Delivery.Id == id) is not { } order)
        {
            return Error(404, "FRAMEWORK__RESOURCE_NOT_FOUND", "Not Found", $"The order_delivery resource with the following primary key was not found: id({id})");
        }

        var from = order.Delivery.State;
        if (ShopwareDeliveryStates.Target(from, transition) is not { } to)
        {
            var possible = ShopwareDeliveryStates.From(from);
            return Error(
                400,
                "SYSTEM__ILLEGAL_STATE_TRANSITION",
                "Bad Request",
                $"Illegal transition \"{transition}\" from state \"{from}\". Possible transitions are: {string.Join(", ", possible)}",
                new JsonObject
                {
                    ["parameters"] = new JsonObject
                    {
                        ["transition"] = transition,
                        ["currentState"] = from,
                        ["possibleTransitionsString"] = string.Join(", ", possible),
                        ["possibleTransitions"] = new JsonArray([.. possible.Select(p => (JsonNode)p)]),
                    },
                });
        }

        order.Delivery.State = to;
        order.UpdatedAt = Clock.GetCurrentInstant();
        return Json(200, new JsonObject { ["id"] = NewId(), ["technicalName"] = to, ["name"] = to.Replace('_', ' ') });
    }
}
