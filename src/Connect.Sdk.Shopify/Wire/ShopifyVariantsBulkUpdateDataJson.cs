namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of <c>productVariantsBulkUpdate</c>.</summary>
internal sealed class ShopifyVariantsBulkUpdateDataJson
{
    /// <summary>The payload.</summary>
    public ShopifyVariantsBulkUpdatePayloadJson? ProductVariantsBulkUpdate { get; init; }
}
