namespace Connect.Sdk.Shopify.Wire;

/// <summary>A product with its variants.</summary>
internal sealed class ShopifyProductJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Whether it has no options, only the default variant.</summary>
    public bool? HasOnlyDefaultVariant { get; init; }

    /// <summary>Its variants.</summary>
    public ShopifyNodesJson<ShopifyVariantJson>? Variants { get; init; }
}
