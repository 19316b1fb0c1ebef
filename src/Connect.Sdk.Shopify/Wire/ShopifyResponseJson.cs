namespace Connect.Sdk.Shopify.Wire;

/// <summary>A GraphQL answer: <c>data</c>, <c>errors</c> and <c>extensions.cost</c>.</summary>
/// <typeparam name="TData">The type it holds.</typeparam>
internal sealed class ShopifyResponseJson<TData>
{
    /// <summary>The requested data; absent when the request failed as a whole.</summary>
    public TData? Data { get; init; }

    /// <summary>Top-level errors, e.g. THROTTLED.</summary>
    public IReadOnlyList<ShopifyErrorJson>? Errors { get; init; }

    /// <summary>The query's cost and the bucket's state.</summary>
    public ShopifyExtensionsJson? Extensions { get; init; }
}
