namespace Connect.Sdk.Shopify.Wire;

/// <summary>The shop's cost bucket.</summary>
internal sealed class ShopifyThrottleStatusJson
{
    /// <summary>The bucket's size.</summary>
    public double? MaximumAvailable { get; init; }

    /// <summary>The points available now.</summary>
    public double? CurrentlyAvailable { get; init; }

    /// <summary>Points restored per second.</summary>
    public double? RestoreRate { get; init; }
}
