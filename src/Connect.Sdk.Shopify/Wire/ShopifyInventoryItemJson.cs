namespace Connect.Sdk.Shopify.Wire;

/// <summary>An inventory item with its level at one location.</summary>
internal sealed class ShopifyInventoryItemJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Whether Shopify tracks its quantities.</summary>
    public bool? Tracked { get; init; }

    /// <summary>Its level at the location asked for; null when it is not stocked there.</summary>
    public ShopifyInventoryLevelJson? InventoryLevel { get; init; }
}
