using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Shipments;

namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <content>
/// Multiple shipments, as an operator that has enabled them serves: ST01 (<c>POST /api/shipments</c>) creates shipments
/// of order lines with their tracking, shipped at once when <c>shipped</c> is true; ST11 (<c>GET /api/shipments</c>)
/// lists an order's shipments. An order whose every line is shipped moves to <c>SHIPPED</c>.
/// </content>
public sealed partial class MiraklFake
{
    private void MapShipments()
    {
        Map("shipments.create", "POST", $"{Api}/shipments", CreateShipments);
        Map("shipments.list", "GET", $"{Api}/shipments", ListShipments);
    }

    private FakeResponse CreateShipments(FakeCall request)
    {
        if (ParseBody(request)?["shipments"] is not JsonArray shipments || shipments.Count is 0 or > 1000)
        {
            return Error(400, "shipments must hold 1 to 1000 shipments");
        }

        var success = new JsonArray();
        var errors = new JsonArray();
        foreach (var shipment in shipments.OfType<JsonObject>())
        {
            var orderId = (string?)shipment["order_id"];
            if (Refusal(shipment, orderId) is { } refusal)
            {
                errors.Add(new JsonObject { ["order_id"] = orderId, ["message"] = refusal });
                continue;
            }

            var order = FindOrder(orderId!)!;
            var lines = shipment["shipment_lines"]!.AsArray().Select(l => new ShippedLine((string)l!["order_line_id"]!, (int)l["quantity"]!)).ToArray();
            var tracking = shipment["tracking"] as JsonObject;
            var shipped = shipment["shipped"] is JsonValue flag && flag.TryGetValue<bool>(out var isShipped) && isShipped;
            var created = new JsonObject
            {
                ["id"] = $"{order.Id}-S{order.Shipments.Count + 1}",
                ["order_id"] = order.Id,
                ["status"] = shipped ? "SHIPPED" : "SHIPPING",
                ["created_date"] = Date(Clock.GetCurrentInstant()),
                ["shipment_lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["order_line_id"] = l.LineId, ["quantity"] = l.Quantity })]),
                ["tracking"] = tracking?.DeepClone(),
            };
            order.Shipments.Add(created);
            order.Trackings.Add(new FakeShipment((string?)tracking?["tracking_number"] ?? string.Empty, (string?)tracking?["carrier_code"] ?? (string?)tracking?["carrier_name"] ?? string.Empty, lines));
            if (shipped && EveryLineShipped(order))
            {
                SetState(order.Json, MiraklOrderStates.Shipped, MiraklOrderStates.Shipped);
            }

            Touch(order);
            success.Add(created.DeepClone());
        }

        return Json(201, new JsonObject { ["shipment_success"] = success, ["shipment_errors"] = errors });
    }

    private FakeResponse ListShipments(FakeCall request)
    {
        var ids = List(request, "order_id");
        var found = _orders.Where(o => ids is null || ids.Contains(o.Id)).SelectMany(o => o.Shipments).Select(s => (JsonNode)s.DeepClone());
        return Json(200, new JsonObject { ["data"] = new JsonArray([.. found]) });
    }

    // Why a shipment is refused, or null: the order must be in SHIPPING and each line its own, within what is left to ship.
    private string? Refusal(JsonObject shipment, string? orderId)
    {
        if (orderId is null || FindOrder(orderId) is not { } order)
        {
            return $"Order {orderId} not found";
        }

        if (order.State != MiraklOrderStates.Shipping)
        {
            return $"Order {order.Id} is not in state {MiraklOrderStates.Shipping}";
        }

        if (shipment["shipment_lines"] is not JsonArray { Count: > 0 } lines)
        {
            return "shipment_lines is required";
        }

        foreach (var line in lines)
        {
            var id = (string?)line?["order_line_id"];
            var quantity = line?["quantity"] is JsonValue value && value.TryGetValue<int>(out var q) ? q : 0;
            if (order.Json["order_lines"]!.AsArray().FirstOrDefault(l => (string?)l!["order_line_id"] == id) is not { } orderLine)
            {
                return $"Order line {id} does not belong to order {order.Id}";
            }

            if (quantity < 1 || quantity > (int)orderLine["quantity"]! - ShippedQuantity(order, id!))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Order line {id} has {(int)orderLine["quantity"]! - ShippedQuantity(order, id!)} left to ship, not {quantity}");
            }
        }

        return null;
    }

    private static int ShippedQuantity(MiraklOrder order, string lineId) =>
        order.Shipments.SelectMany(s => s["shipment_lines"]!.AsArray()).Where(l => (string?)l!["order_line_id"] == lineId).Sum(l => (int)l!["quantity"]!);

    private static bool EveryLineShipped(MiraklOrder order) =>
        order.Json["order_lines"]!.AsArray().All(l => ShippedQuantity(order, (string)l!["order_line_id"]!) >= (int)l["quantity"]!);
}
