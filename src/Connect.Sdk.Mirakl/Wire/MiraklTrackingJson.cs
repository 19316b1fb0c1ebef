using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>OR23's body: the carrier (by name: the connector does not map carriers to an operator's codes) and the tracking.</summary>
internal sealed record MiraklTrackingJson(
    [property: JsonPropertyName("carrier_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CarrierName,
    [property: JsonPropertyName("carrier_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CarrierUrl,
    [property: JsonPropertyName("tracking_number")] string TrackingNumber);
