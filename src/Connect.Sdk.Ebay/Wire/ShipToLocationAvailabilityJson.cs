using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The inventory item's total ship-to-home quantity.</summary>
internal sealed record ShipToLocationAvailabilityJson([property: JsonPropertyName("quantity")] int Quantity);
