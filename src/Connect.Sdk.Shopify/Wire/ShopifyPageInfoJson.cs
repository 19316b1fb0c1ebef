namespace Connect.Sdk.Shopify.Wire;

/// <summary>A connection's <c>pageInfo</c>.</summary>
internal sealed class ShopifyPageInfoJson
{
    /// <summary>Whether another page follows.</summary>
    public bool HasNextPage { get; init; }

    /// <summary>The cursor to pass as <c>after</c>.</summary>
    public string? EndCursor { get; init; }
}
