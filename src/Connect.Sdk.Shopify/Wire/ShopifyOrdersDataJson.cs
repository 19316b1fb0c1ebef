namespace Connect.Sdk.Shopify.Wire;

/// <summary>The data of an order list.</summary>
internal sealed class ShopifyOrdersDataJson
{
    /// <summary>One page of orders.</summary>
    public ShopifyNodesJson<ShopifyOrderJson>? Orders { get; init; }
}
