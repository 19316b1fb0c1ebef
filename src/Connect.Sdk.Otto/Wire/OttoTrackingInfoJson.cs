using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The tracking of a sent position item.</summary>
/// <param name="Carrier">The carrier.</param>
/// <param name="TrackingNumber">The tracking number.</param>
internal sealed record OttoTrackingInfoJson(
    [property: JsonPropertyName("carrier")] string? Carrier = null,
    [property: JsonPropertyName("trackingNumber")] string? TrackingNumber = null);
