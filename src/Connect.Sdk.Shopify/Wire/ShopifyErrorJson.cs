namespace Connect.Sdk.Shopify.Wire;

/// <summary>A top-level GraphQL error.</summary>
internal sealed class ShopifyErrorJson
{
    /// <summary>What went wrong.</summary>
    public string? Message { get; init; }

    /// <summary>The error's code.</summary>
    public ShopifyErrorExtensionsJson? Extensions { get; init; }
}
