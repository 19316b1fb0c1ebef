namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of the connection check.</summary>
internal sealed class ShopifyShopDataJson
{
    /// <summary>The shop.</summary>
    public ShopifyShopJson? Shop { get; init; }
}
