using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One SKU of a <c>bulkUpdatePriceQuantity</c> request: its ship-to-home quantity and its offers.</summary>
internal sealed record PriceQuantityJson(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("shipToLocationAvailability"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ShipToLocationAvailabilityJson? ShipToLocationAvailability,
    [property: JsonPropertyName("offers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OfferPriceQuantityJson>? Offers);
