namespace Connect.Sdk.Shopify.Wire;

/// <summary>A connection read through its <c>nodes</c>.</summary>
/// <typeparam name="TNode">The type it holds.</typeparam>
internal sealed class ShopifyNodesJson<TNode>
{
    /// <summary>The nodes of this page.</summary>
    public IReadOnlyList<TNode>? Nodes { get; init; }

    /// <summary>Whether more follow.</summary>
    public ShopifyPageInfoJson? PageInfo { get; init; }
}
