using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The body of <c>POST /v1/shipments</c> (CreateShipmentRequest).</summary>
/// <param name="TrackingKey">Carrier and tracking number.</param>
/// <param name="ShipDate">When the parcel left, ISO 8601.</param>
/// <param name="ShipFromAddress">Where it left from.</param>
/// <param name="PositionItems">The pieces in it.</param>
internal sealed record OttoShipmentRequestJson(
    [property: JsonPropertyName("trackingKey")] OttoTrackingKeyJson TrackingKey,
    [property: JsonPropertyName("shipDate")] string ShipDate,
    [property: JsonPropertyName("shipFromAddress")] OttoShipFromJson ShipFromAddress,
    [property: JsonPropertyName("positionItems")] OttoShipmentItemJson[] PositionItems);
