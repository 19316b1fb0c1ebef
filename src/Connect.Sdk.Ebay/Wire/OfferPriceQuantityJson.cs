using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One published offer of a SKU: its available quantity and/or its price.</summary>
internal sealed record OfferPriceQuantityJson(
    [property: JsonPropertyName("offerId")] string OfferId,
    [property: JsonPropertyName("availableQuantity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AvailableQuantity,
    [property: JsonPropertyName("price"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EbayAmountJson? Price);
