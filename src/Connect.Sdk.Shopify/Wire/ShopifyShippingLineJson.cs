namespace Connect.Sdk.Shopify.Wire;

/// <summary>A shipping line.</summary>
internal sealed class ShopifyShippingLineJson
{
    /// <summary>e.g. <c>Standard</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Its taxes.</summary>
    public IReadOnlyList<ShopifyTaxLineJson>? TaxLines { get; init; }
}
