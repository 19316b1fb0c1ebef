using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>
/// One shipment of the multiple-shipments API: as ST01 creates it (<c>ST01RequestShipments</c>) and as ST11 lists it
/// (<c>ST11Response200Data</c>); the connector reads only the order, the lines and the tracking.
/// </summary>
internal sealed record MiraklShipmentJson(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("shipment_lines")] MiraklShipmentLineJson[]? ShipmentLines,
    [property: JsonPropertyName("tracking")] MiraklShipmentTrackingJson? Tracking,
    [property: JsonPropertyName("shipped"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Shipped = null);
