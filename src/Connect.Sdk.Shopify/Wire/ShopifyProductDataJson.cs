namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of a product lookup.</summary>
internal sealed class ShopifyProductDataJson
{
    /// <summary>The product; null when unknown.</summary>
    public ShopifyProductJson? Product { get; init; }
}
