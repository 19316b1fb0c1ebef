namespace Connect.Sdk.Shopify.Wire;

/// <summary>The shop the token belongs to.</summary>
internal sealed class ShopifyShopJson
{
    /// <summary>The shop's name.</summary>
    public string? Name { get; init; }

    /// <summary>Its myshopify.com domain.</summary>
    public string? MyshopifyDomain { get; init; }

    /// <summary>The currency its prices are in (ISO 4217).</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Whether its prices include tax (Settings › Taxes and duties).</summary>
    public bool? TaxesIncluded { get; init; }
}
