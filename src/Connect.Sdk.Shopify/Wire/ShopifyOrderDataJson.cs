namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of one order.</summary>
internal sealed class ShopifyOrderDataJson
{
    /// <summary>The order; null when unknown.</summary>
    public ShopifyOrderJson? Order { get; init; }
}
