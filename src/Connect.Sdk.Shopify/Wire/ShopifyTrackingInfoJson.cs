namespace Connect.Sdk.Shopify.Wire;

/// <summary>A fulfillment's tracking.</summary>
internal sealed class ShopifyTrackingInfoJson
{
    /// <summary>The tracking number.</summary>
    public string? Number { get; init; }

    /// <summary>The carrier.</summary>
    public string? Company { get; init; }

    /// <summary>The tracking URL.</summary>
    public string? Url { get; init; }
}
