using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>
/// A line item (<c>LineItem</c>): <c>lineItemCost</c> is the unit price times the quantity before discounts,
/// <c>discountedLineItemCost</c> the same after the line's promotions (only when it was discounted).
/// </summary>
internal sealed record EbayLineItemJson(
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("legacyItemId")] string? LegacyItemId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("lineItemCost")] EbayAmountJson LineItemCost,
    [property: JsonPropertyName("discountedLineItemCost")] EbayAmountJson? DiscountedLineItemCost,
    [property: JsonPropertyName("total")] EbayAmountJson? Total,
    [property: JsonPropertyName("listingMarketplaceId")] string? ListingMarketplaceId,
    [property: JsonPropertyName("variationAspects")] IReadOnlyList<EbayVariationAspectJson?>? VariationAspects,
    [property: JsonPropertyName("appliedPromotions")] IReadOnlyList<EbayPromotionJson?>? AppliedPromotions,
    [property: JsonPropertyName("taxes")] IReadOnlyList<EbayTaxJson?>? Taxes,
    [property: JsonPropertyName("ebayCollectAndRemitTaxes")] IReadOnlyList<EbayCollectAndRemitTaxJson?>? EbayCollectAndRemitTaxes);
