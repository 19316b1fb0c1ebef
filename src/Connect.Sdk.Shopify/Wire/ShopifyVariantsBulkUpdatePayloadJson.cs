namespace Connect.Sdk.Shopify.Wire;

/// <summary>The payload of <c>productVariantsBulkUpdate</c>.</summary>
internal sealed class ShopifyVariantsBulkUpdatePayloadJson
{
    /// <summary>The variants updated; null when refused.</summary>
    public IReadOnlyList<ShopifyNodeJson>? ProductVariants { get; init; }

    /// <summary>Why it was refused, each naming its input by path, e.g. <c>variants, 2, price</c>.</summary>
    public IReadOnlyList<ShopifyUserErrorJson>? UserErrors { get; init; }
}
