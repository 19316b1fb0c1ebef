namespace Connect.Sdk.Shopware.Wire;

/// <summary>One entry of a promotion's <c>payload.composition</c>: the discounted line item (its cart id), its quantity and its share of the discount.</summary>
internal sealed record PromotionCompositionJson(string? Id, int? Quantity, decimal? Discount);
