namespace Connect.Sdk.Shopify.Wire;

/// <summary>A product variant with its inventory item.</summary>
internal sealed class ShopifyVariantJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Its SKU.</summary>
    public string? Sku { get; init; }

    /// <summary>Its inventory item.</summary>
    public ShopifyInventoryItemJson? InventoryItem { get; init; }
}
