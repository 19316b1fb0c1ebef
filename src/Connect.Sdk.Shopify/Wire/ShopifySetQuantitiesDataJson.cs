namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of <c>inventorySetQuantities</c>.</summary>
internal sealed class ShopifySetQuantitiesDataJson
{
    /// <summary>The mutation's payload.</summary>
    public ShopifySetQuantitiesPayloadJson? InventorySetQuantities { get; init; }
}
