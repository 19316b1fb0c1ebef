namespace Connect.Sdk.Shopify.Wire;

/// <summary>The product of a line item.</summary>
internal sealed class ShopifyProductReferenceJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Whether it has no options, only the default variant.</summary>
    public bool? HasOnlyDefaultVariant { get; init; }
}
