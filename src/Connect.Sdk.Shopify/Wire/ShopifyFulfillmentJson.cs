namespace Connect.Sdk.Shopify.Wire;

/// <summary>A fulfillment with its tracking.</summary>
internal sealed class ShopifyFulfillmentJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>e.g. <c>SUCCESS</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Its tracking numbers.</summary>
    public IReadOnlyList<ShopifyTrackingInfoJson>? TrackingInfo { get; init; }
}
