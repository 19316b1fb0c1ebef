namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of a location lookup.</summary>
internal sealed class ShopifyLocationDataJson
{
    /// <summary>The location; null when unknown.</summary>
    public ShopifyLocationJson? Location { get; init; }
}
