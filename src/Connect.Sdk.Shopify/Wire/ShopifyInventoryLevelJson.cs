namespace Connect.Sdk.Shopify.Wire;

/// <summary>An inventory item's quantities at one location.</summary>
internal sealed class ShopifyInventoryLevelJson
{
    /// <summary>The location.</summary>
    public ShopifyNodeJson? Location { get; init; }

    /// <summary>The named quantities, e.g. <c>available</c>.</summary>
    public IReadOnlyList<ShopifyQuantityJson>? Quantities { get; init; }
}
