namespace Connect.Sdk.Prices;

/// <summary>
/// An article's price in one of the ERP's price lists, as the host's <see cref="IPriceSource"/> reports it. The SDK
/// computes the price to publish from it with the connection's <see cref="PriceRules"/>.
/// </summary>
/// <param name="ArticleNumber">The ERP article number.</param>
/// <param name="Amount">The price in the list's currency; never converted by the SDK.</param>
/// <param name="Basis">Whether <paramref name="Amount"/> includes VAT.</param>
/// <param name="VatRatePercent">The article's VAT rate in percent (19 for 19 %), used to go from net to gross or back.</param>
public sealed record ErpPrice(string ArticleNumber, Money Amount, PriceBasis Basis, decimal VatRatePercent)
{
    /// <summary>
    /// The price shown struck through beside the selling price (the former price or the recommended retail price), on
    /// the same basis and in the same currency as <see cref="Amount"/>; <see langword="null"/> when the list has none.
    /// Marketplaces call it compare-at price (Shopify) or regular price beside a sale price (WooCommerce).
    /// </summary>
    public Money? CompareAtAmount { get; init; }
}
