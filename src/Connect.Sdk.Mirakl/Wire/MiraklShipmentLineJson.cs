using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A shipment's line: the order line and how many of it.</summary>
internal sealed record MiraklShipmentLineJson(
    [property: JsonPropertyName("order_line_id")] string? OrderLineId,
    [property: JsonPropertyName("quantity")] int? Quantity);
