namespace Connect.Sdk.Shopify.Wire;

/// <summary>A shipping line.</summary>
internal sealed class ShopifyShippingLineJson
{
    /// <summary>e.g. <c>Standard</c>.</summary>
    public string? Title { get; init; }

    /// <summary>What the buyer pays for it, after its discounts (gross when the order's taxes are included).</summary>
    public ShopifyMoneyBagJson? DiscountedPriceSet { get; init; }

    /// <summary>The discounts on it, e.g. free shipping.</summary>
    public IReadOnlyList<ShopifyDiscountAllocationJson>? DiscountAllocations { get; init; }

    /// <summary>Its taxes.</summary>
    public IReadOnlyList<ShopifyTaxLineJson>? TaxLines { get; init; }
}
