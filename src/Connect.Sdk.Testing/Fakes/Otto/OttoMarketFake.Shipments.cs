using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime.Text;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <content>Shipments v1: <c>POST /v1/shipments</c>, which marks the named position items sent.</content>
public sealed partial class OttoMarketFake
{
    // TrackingKey.carrier's enum in shipment-interface.yml.
    private static readonly string[] Carriers = ["DHL", "DHL_FREIGHT", "DHL_HOME_DELIVERY", "GLS", "HERMES", "DPD", "UPS", "HES", "HELLMANN", "DB_SCHENKER"];

    /// <summary>
    /// <c>POST /v1/shipments</c> with <c>trackingKey{carrier, trackingNumber}</c>, <c>shipDate</c>,
    /// <c>shipFromAddress{city, zipCode, countryCode}</c> (alpha-3) and <c>positionItems[{positionItemId, salesOrderId}]</c>
    /// (CreateShipmentRequest of the official OpenAPI model). A missing or malformed field is 400
    /// <c>INVALID_REQUEST_PARAMETER</c> naming its path; an unknown position item 404; a position item that is not
    /// <c>PROCESSABLE</c> (already sent) or a tracking key used before is 409, and nothing is written. Success is 201
    /// <c>{"shipmentId"}</c>.
    /// </summary>
    private FakeResponse CreateShipment(FakeCall request)
    {
        if (ParseBody(request) is not JsonObject body)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "", "The body is not a JSON object.");
        }

        var carrier = Text(body, "trackingKey", "carrier");
        var trackingNumber = Text(body, "trackingKey", "trackingNumber");
        var shipDate = Text(body, "shipDate", null);
        var city = Text(body, "shipFromAddress", "city");
        var zip = Text(body, "shipFromAddress", "zipCode");
        var country = Text(body, "shipFromAddress", "countryCode");
        var missing = new (string Path, string? Value)[]
        {
            ("trackingKey.carrier", carrier), ("trackingKey.trackingNumber", trackingNumber), ("shipDate", shipDate),
            ("shipFromAddress.city", city), ("shipFromAddress.zipCode", zip), ("shipFromAddress.countryCode", country),
        }.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value));
        if (missing.Path is not null)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", missing.Path, "must not be empty");
        }

        if (country!.Length != 3 || !country.All(char.IsAsciiLetterUpper))
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "shipFromAddress.countryCode", "must be an ISO 3166-1 alpha-3 code such as DEU");
        }

        if (!Carriers.Contains(carrier!))
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "trackingKey.carrier", "must be one of " + string.Join(", ", Carriers));
        }

        var date = OffsetDateTimePattern.ExtendedIso.Parse(shipDate!);
        if (!date.Success)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "shipDate", "must be an ISO 8601 date-time");
        }

        if (body["positionItems"] is not JsonArray { Count: > 0 } items)
        {
            return Errors(400, "INVALID_REQUEST_PARAMETER", "positionItems", "must not be empty");
        }

        var pieces = new List<(OttoFakeOrder Order, OttoFakePositionItem Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"positionItems[{i}]");
            var itemId = (items[i] as JsonObject)?["positionItemId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? items[i]!["positionItemId"]!.GetValue<string>() : null;
            var orderId = (items[i] as JsonObject)?["salesOrderId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? items[i]!["salesOrderId"]!.GetValue<string>() : null;
            if (itemId is null || orderId is null)
            {
                return Errors(400, "INVALID_REQUEST_PARAMETER", path, "positionItemId and salesOrderId must be given");
            }

            var order = _orders.Find(o => o.SalesOrderId == orderId);
            var item = order?.Items.Find(p => p.PositionItemId == itemId);
            if (item is null)
            {
                return Errors(404, "POSITION_ITEM_NOT_FOUND", path, $"No position item {itemId} in sales order {orderId}.");
            }

            if (item.FulfillmentStatus != "PROCESSABLE" || pieces.Any(p => p.Item == item))
            {
                return Errors(409, "POSITION_ITEM_NOT_PROCESSABLE", path, $"Position item {itemId} is {item.FulfillmentStatus}, not PROCESSABLE.");
            }

            pieces.Add((order!, item));
        }

        if (_shipments.Any(s => s.Carrier == carrier && s.TrackingNumber == trackingNumber))
        {
            return Errors(409, "SHIPMENT_ALREADY_EXISTS", "trackingKey", $"A shipment with {carrier} {trackingNumber} exists already.");
        }

        var shipmentId = (_nextShipmentId++).ToString(CultureInfo.InvariantCulture);
        var now = Clock.GetCurrentInstant();
        foreach (var (order, item) in pieces)
        {
            item.FulfillmentStatus = "SENT";
            item.SentDate = date.Value.ToInstant();
            item.Carrier = carrier;
            item.TrackingNumber = trackingNumber;
            order.LastModified = now;
        }

        _shipments.Add(new OttoFakeShipment(shipmentId, carrier!, trackingNumber!, date.Value.ToInstant(), [.. pieces.Select(p => (p.Item.PositionItemId, p.Order.SalesOrderId))]));
        return Json(201, new JsonObject { ["shipmentId"] = shipmentId });
    }

    private static string? Text(JsonObject body, string field, string? inner)
    {
        var node = inner is null ? body[field] : (body[field] as JsonObject)?[inner];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
