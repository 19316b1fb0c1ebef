namespace Connect.Sdk.Shopify.Wire;

/// <summary>One named quantity of an inventory level.</summary>
internal sealed class ShopifyQuantityJson
{
    /// <summary>e.g. <c>available</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The quantity.</summary>
    public int? Quantity { get; init; }
}
