using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Kaufland;

/// <summary>
/// The fake's order routes: <c>GET /order-units</c> (filters <c>status</c>, <c>ts_created_from_iso</c>,
/// <c>ts_updated_from_iso</c>, <c>sort</c> by creation), <c>GET /orders/{id_order}</c> with all its units, and
/// <c>PATCH /order-units/{id_order_unit}/send</c>.
/// </summary>
public sealed partial class KauflandFake
{
    private static readonly string[] UnitStatuses = ["cancelled", "need_to_be_sent", "open", "received", "returned", "returned_paid", "sent", "sent_and_autopaid"];

    private void MapOrders()
    {
        Map("order-units.list", "GET", $"{Api}/order-units/?", ListOrderUnits);
        Map("orders.get", "GET", $"{Api}/orders/(?<id>[^/]+)/?", GetOrder);
        Map("order-units.send", "PATCH", $"{Api}/order-units/(?<id>[^/]+)/send/?", SendOrderUnit);
    }

    private FakeResponse ListOrderUnits(FakeCall call)
    {
        if (PageOf(call, out var limit, out var offset) is { } problem)
        {
            return problem;
        }

        if (call.Query.TryGetValue("storefront", out var storefront) && storefront != Storefront)
        {
            return Problem(400, "/problems/storefront-not-configured", $"Storefront {storefront} is not configured for this seller.");
        }

        var statuses = call.QueryValues.TryGetValue("status", out var wanted) ? wanted : [];
        if (statuses.FirstOrDefault(s => !UnitStatuses.Contains(s)) is { } unknown)
        {
            return Invalid("status", $"'{unknown}' is not a valid order unit status.");
        }

        if (!TryFrom(call, "ts_created_from_iso", out var createdFrom, out var createdProblem))
        {
            return createdProblem!;
        }

        if (!TryFrom(call, "ts_updated_from_iso", out var updatedFrom, out var updatedProblem))
        {
            return updatedProblem!;
        }

        // Documented default ts_created:desc: a unit placed while a client pages moves the later pages by one, so a unit
        // is read twice rather than missed.
        var ascending = call.Query.TryGetValue("sort", out var sort) switch
        {
            false => false,
            true when sort == "ts_created:desc" => false,
            true when sort == "ts_created:asc" => true,
            _ => (bool?)null,
        };
        if (ascending is null)
        {
            return Invalid("sort", $"'{sort}' is not a sorting the fake knows (ts_created:asc, ts_created:desc).");
        }

        var units = _orders.SelectMany(o => o.Units.Select(u => (Order: o, Unit: u)))
            .Where(x => statuses.Count == 0 || statuses.Contains(x.Unit.Status))
            .Where(x => createdFrom is not { } c || x.Unit.Created > c)
            .Where(x => updatedFrom is not { } u || x.Unit.Updated > u);
        var sorted = (ascending.Value ? units.OrderBy(x => x.Unit.Created) : units.OrderByDescending(x => x.Unit.Created)).ThenBy(x => x.Unit.IdOrderUnit).ToArray();
        return Json(200, new JsonObject
        {
            ["data"] = new JsonArray([.. sorted.Skip(offset).Take(limit).Select(x => (JsonNode)OrderUnitJson(x.Unit, x.Order))]),
            ["pagination"] = new JsonObject { ["offset"] = offset, ["limit"] = limit, ["total"] = sorted.Length },
        });
    }

    private FakeResponse GetOrder(FakeCall call)
    {
        if (FindOrder(call.RouteValues["id"]) is not { } order)
        {
            return Problem(404, "/problems/not-found", $"Order {call.RouteValues["id"]} not found.");
        }

        return Json(200, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["id_order"] = order.IdOrder,
                ["ts_created_iso"] = Time(order.Created),
                ["is_marketplace_deemed_supplier"] = false,
                ["storefront"] = Storefront,
                ["fulfillment_type"] = "fulfilled_by_merchant",
                ["order_units"] = new JsonArray([.. order.Units.Select(u => (JsonNode)OrderUnitJson(u, withOrder: null))]),
                ["billing_address"] = order.BillingAddress?.DeepClone(),
                ["shipping_address"] = order.ShippingAddress?.DeepClone(),
                ["buyer"] = order.Buyer.DeepClone(),
            },
        });
    }

    private FakeResponse SendOrderUnit(FakeCall call)
    {
        if (!long.TryParse(call.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || FindOrderUnit(id) is not { } unit)
        {
            return Problem(404, "/problems/not-found", $"Order unit {call.RouteValues["id"]} not found.");
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(call.Body ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        var carrier = body?["carrier_code"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
        var tracking = body?["tracking_numbers"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(carrier))
        {
            return Invalid("carrier_code", "This value is required.");
        }

        // Only "Other" and "Other Hauler" go without a tracking number (order-files page, MARK_UNIT_SENT).
        if (string.IsNullOrWhiteSpace(tracking) && carrier is not ("Other" or "Other Hauler"))
        {
            return Invalid("tracking_numbers", "This value is required.");
        }

        if (unit.Status != "need_to_be_sent")
        {
            return Problem(400, "/problems/action-not-allowed", $"Order unit {id} is {unit.Status}; only an order unit that needs to be sent can be sent.");
        }

        unit.Status = "sent";
        unit.CarrierCode = carrier;
        unit.TrackingNumbers = tracking ?? string.Empty;
        unit.SentInCall = ++_sendCalls;
        unit.Updated = Clock.GetCurrentInstant();
        return new FakeResponse(204, null);
    }

    private static bool TryFrom(FakeCall call, string name, out Instant? from, out FakeResponse? problem)
    {
        from = null;
        problem = null;
        if (!call.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            problem = Invalid(name, "This value should be in YYYY-MM-ddTHH:mm:ssZ format.");
            return false;
        }

        from = parsed.Value;
        return true;
    }

    private JsonObject OrderUnitJson(KauflandOrderUnit unit, KauflandOrder? withOrder)
    {
        var json = new JsonObject
        {
            ["id_order_unit"] = unit.IdOrderUnit,
            ["id_order"] = unit.IdOrder,
            ["ts_created_iso"] = Time(unit.Created),
            ["ts_updated_iso"] = Time(unit.Updated),
            ["is_marketplace_deemed_supplier"] = false,
            ["status"] = unit.Status,
            ["price"] = unit.Price,
            ["id_offer"] = unit.Unit.IdOffer,
            ["revenue_gross"] = unit.Price,
            ["revenue_net"] = unit.Vat is { } vat ? (long)Math.Round(unit.Price / (1 + (vat / 100m)), MidpointRounding.AwayFromZero) : unit.Price,
            ["note"] = string.Empty,
            ["unit_condition"] = "new",
            ["storefront"] = Storefront,
            ["currency"] = Currency.Value,
            ["delivery_time_min"] = 1,
            ["delivery_time_max"] = 3,
            ["shipping_rate"] = unit.ShippingRate,
            ["cancel_reason"] = unit.Status == "cancelled" ? "other" : null,
            ["fulfillment_type"] = "fulfilled_by_merchant",
            ["product"] = new JsonObject
            {
                ["id_product"] = unit.Unit.IdProduct,
                ["storefront"] = Storefront,
                ["title"] = unit.Title,
                ["eans"] = new JsonArray(),
            },
            ["vat"] = unit.Vat,
        };
        if (withOrder is not null)
        {
            // The list's order units carry the order's buyer and addresses (the Seller API's OrderUnit model).
            json["buyer"] = withOrder.Buyer.DeepClone();
            json["billing_address"] = withOrder.BillingAddress?.DeepClone();
            json["shipping_address"] = withOrder.ShippingAddress?.DeepClone();
        }

        return json;
    }
}
