namespace Connect.Sdk.Shopify.Wire;

/// <summary><c>extensions.cost</c>: what the query cost and what the shop's bucket holds.</summary>
internal sealed class ShopifyCostJson
{
    /// <summary>The points the query needed available.</summary>
    public double? RequestedQueryCost { get; init; }

    /// <summary>The points it took; null when throttled.</summary>
    public double? ActualQueryCost { get; init; }

    /// <summary>The bucket after the query.</summary>
    public ShopifyThrottleStatusJson? ThrottleStatus { get; init; }
}
