namespace Connect.Sdk.Shopify.Wire;

/// <summary>An inventory item with its levels per location.</summary>
internal sealed class ShopifyInventoryItemJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Whether Shopify tracks its quantities.</summary>
    public bool? Tracked { get; init; }

    /// <summary>Its levels, one per location it is stocked at.</summary>
    public ShopifyNodesJson<ShopifyInventoryLevelJson>? InventoryLevels { get; init; }
}
