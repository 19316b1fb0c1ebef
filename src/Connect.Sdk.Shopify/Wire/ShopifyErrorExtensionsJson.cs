namespace Connect.Sdk.Shopify.Wire;

/// <summary>The extensions of a GraphQL error.</summary>
internal sealed class ShopifyErrorExtensionsJson
{
    /// <summary>e.g. <c>THROTTLED</c> or <c>MAX_COST_EXCEEDED</c>.</summary>
    public string? Code { get; init; }
}
