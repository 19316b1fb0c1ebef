namespace Connect.Sdk.Shopify.Wire;

/// <summary>A fulfillment order: lines to fulfil from one location.</summary>
internal sealed class ShopifyFulfillmentOrderJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>e.g. <c>OPEN</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Its lines; the connector replaces a first page with all of them once it has read the rest.</summary>
    public ShopifyNodesJson<ShopifyFulfillmentOrderLineItemJson>? LineItems { get; set; }

    /// <summary>The fulfillments made from it, a page of them (read only when the order's own list may be cut).</summary>
    public ShopifyNodesJson<ShopifyFulfillmentJson>? Fulfillments { get; init; }
}
