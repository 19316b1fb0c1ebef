namespace Connect.Sdk.Shopware.Wire;

/// <summary>A line item's payload: a product's number, a promotion's code and composition.</summary>
internal sealed record LineItemPayloadJson(string? ProductNumber, string? Code, IReadOnlyList<PromotionCompositionJson>? Composition);
