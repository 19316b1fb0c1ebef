namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of one fulfillment order.</summary>
internal sealed class ShopifyFulfillmentOrderDataJson
{
    /// <summary>The fulfillment order; null when unknown.</summary>
    public ShopifyFulfillmentOrderJson? FulfillmentOrder { get; init; }
}
