namespace Connect.Sdk.Shopify.Wire;

/// <summary>Any object of which only the GID is read.</summary>
internal sealed class ShopifyNodeJson
{
    /// <summary>The GID.</summary>
    public string? Id { get; init; }
}
