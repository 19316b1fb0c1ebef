namespace Connect.Sdk.Shopify.Wire;

/// <summary>A product variant with its product and inventory item, as far as they were read.</summary>
internal sealed class ShopifyVariantJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Its SKU.</summary>
    public string? Sku { get; init; }

    /// <summary>Its product, when read.</summary>
    public ShopifyProductReferenceJson? Product { get; init; }

    /// <summary>Its inventory item.</summary>
    public ShopifyInventoryItemJson? InventoryItem { get; init; }
}
