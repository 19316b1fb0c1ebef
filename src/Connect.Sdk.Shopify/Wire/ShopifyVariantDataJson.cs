namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of a variant lookup.</summary>
internal sealed class ShopifyVariantDataJson
{
    /// <summary>The variant; null when unknown.</summary>
    public ShopifyVariantJson? ProductVariant { get; init; }
}
