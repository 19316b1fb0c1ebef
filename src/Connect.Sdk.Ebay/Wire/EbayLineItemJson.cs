using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A line item (<c>LineItem</c>): <c>lineItemCost</c> is the unit price times the quantity, before discounts.</summary>
internal sealed record EbayLineItemJson(
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("legacyItemId")] string? LegacyItemId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("lineItemCost")] EbayAmountJson LineItemCost,
    [property: JsonPropertyName("total")] EbayAmountJson? Total,
    [property: JsonPropertyName("appliedPromotions")] IReadOnlyList<EbayPromotionJson?>? AppliedPromotions,
    [property: JsonPropertyName("taxes")] IReadOnlyList<EbayTaxJson?>? Taxes);
