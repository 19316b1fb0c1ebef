namespace Connect.Sdk.Shopify.Wire;

/// <summary>A line item.</summary>
internal sealed class ShopifyLineItemJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>What was sold.</summary>
    public string? Title { get; init; }

    /// <summary>The SKU it was sold under.</summary>
    public string? Sku { get; init; }

    /// <summary>How many were ordered at first.</summary>
    public int? Quantity { get; init; }

    /// <summary>How many remain on the order: without the units an order edit removed or a refund took back.</summary>
    public int? CurrentQuantity { get; init; }

    /// <summary>The variant, unless a custom line.</summary>
    public ShopifyNodeJson? Variant { get; init; }

    /// <summary>The product, unless a custom line.</summary>
    public ShopifyProductReferenceJson? Product { get; init; }

    /// <summary>The unit price before discounts.</summary>
    public ShopifyMoneyBagJson? OriginalUnitPriceSet { get; init; }

    /// <summary>Its taxes.</summary>
    public IReadOnlyList<ShopifyTaxLineJson>? TaxLines { get; init; }

    /// <summary>Its discounts.</summary>
    public IReadOnlyList<ShopifyDiscountAllocationJson>? DiscountAllocations { get; init; }
}
