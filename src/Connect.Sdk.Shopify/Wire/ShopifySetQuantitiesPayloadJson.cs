namespace Connect.Sdk.Shopify.Wire;

/// <summary>The payload of <c>inventorySetQuantities</c>.</summary>
internal sealed class ShopifySetQuantitiesPayloadJson
{
    /// <summary>The change made; null when refused.</summary>
    public ShopifyNodeJson? InventoryAdjustmentGroup { get; init; }

    /// <summary>Why it was refused.</summary>
    public IReadOnlyList<ShopifyUserErrorJson>? UserErrors { get; init; }
}
