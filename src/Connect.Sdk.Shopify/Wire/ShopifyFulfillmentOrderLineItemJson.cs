namespace Connect.Sdk.Shopify.Wire;

/// <summary>A fulfillment order's line.</summary>
internal sealed class ShopifyFulfillmentOrderLineItemJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Ordered.</summary>
    public int? TotalQuantity { get; init; }

    /// <summary>Still to fulfil.</summary>
    public int? RemainingQuantity { get; init; }

    /// <summary>The order's line item.</summary>
    public ShopifyNodeJson? LineItem { get; init; }
}
