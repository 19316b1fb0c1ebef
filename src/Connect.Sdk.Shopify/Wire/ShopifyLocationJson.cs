namespace Connect.Sdk.Shopify.Wire;

/// <summary>A location.</summary>
internal sealed class ShopifyLocationJson
{
    /// <summary>Its GID.</summary>
    public string? Id { get; init; }

    /// <summary>Its name.</summary>
    public string? Name { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? IsActive { get; init; }
}
