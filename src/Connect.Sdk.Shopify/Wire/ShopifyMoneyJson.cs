namespace Connect.Sdk.Shopify.Wire;

/// <summary>An amount of money; Shopify sends it as a decimal string.</summary>
internal sealed class ShopifyMoneyJson
{
    /// <summary>The amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217.</summary>
    public string? CurrencyCode { get; init; }
}
