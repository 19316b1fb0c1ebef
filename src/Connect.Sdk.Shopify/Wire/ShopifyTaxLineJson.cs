namespace Connect.Sdk.Shopify.Wire;

/// <summary>A tax line.</summary>
internal sealed class ShopifyTaxLineJson
{
    /// <summary>The rate, e.g. 0.19.</summary>
    public decimal? Rate { get; init; }

    /// <summary>The tax amount.</summary>
    public ShopifyMoneyBagJson? PriceSet { get; init; }
}
