using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A shipment's tracking: the carrier by name (not mapped to an operator's codes), the number and the URL.</summary>
internal sealed record MiraklShipmentTrackingJson(
    [property: JsonPropertyName("carrier_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CarrierName,
    [property: JsonPropertyName("tracking_number"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrackingNumber,
    [property: JsonPropertyName("tracking_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrackingUrl);
