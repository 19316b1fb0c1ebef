namespace Connect.Sdk.Shopify.Wire;

/// <summary>The extensions of a GraphQL answer.</summary>
internal sealed class ShopifyExtensionsJson
{
    /// <summary>The query's cost.</summary>
    public ShopifyCostJson? Cost { get; init; }
}
