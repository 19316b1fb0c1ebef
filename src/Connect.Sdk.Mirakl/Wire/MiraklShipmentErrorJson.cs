using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A shipment ST01 refused.</summary>
internal sealed record MiraklShipmentErrorJson(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("message")] string? Message);
