using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A shipping step: who the order ships to.</summary>
internal sealed record EbayShippingStepJson([property: JsonPropertyName("shipTo")] EbayContactJson? ShipTo);
