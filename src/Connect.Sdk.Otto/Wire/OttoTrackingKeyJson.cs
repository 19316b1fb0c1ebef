using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A shipment's tracking key.</summary>
/// <param name="Carrier">The carrier, one of OTTO's codes.</param>
/// <param name="TrackingNumber">The tracking number.</param>
internal sealed record OttoTrackingKeyJson(
    [property: JsonPropertyName("carrier")] string Carrier,
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber);
