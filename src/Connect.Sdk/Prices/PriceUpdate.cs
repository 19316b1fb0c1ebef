using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Prices;

/// <summary>One article's price to publish on a marketplace.</summary>
/// <param name="ArticleNumber">The ERP article number (the journal's record key).</param>
/// <param name="ForeignNumber">The marketplace's identifier of the article on this connection.</param>
/// <param name="Price">
/// The selling price, already computed by the connection's <see cref="PriceRules"/>: in their currency, on their basis
/// (gross or net), rounded. A connector sends it as it is and refuses the record when the marketplace sells in another
/// currency; it never converts.
/// </param>
/// <param name="CompareAtPrice">
/// The price shown struck through beside it (Shopify's compare-at price; WooCommerce's regular price beside a sale
/// price), always above <paramref name="Price"/>; <see langword="null"/> clears one the marketplace shows.
/// </param>
public sealed record PriceUpdate(string ArticleNumber, ForeignNumber ForeignNumber, Money Price, Money? CompareAtPrice = null)
{
    /// <summary>
    /// Whether <see cref="Price"/> and <see cref="CompareAtPrice"/> include VAT, as the connection's
    /// <see cref="PriceRules.Basis"/> computed them. A connector whose marketplace says how it takes prices (a shop's
    /// "prices include tax" setting) refuses the record on a mismatch instead of publishing a net price as gross or
    /// the other way round.
    /// </summary>
    public PriceBasis Basis { get; init; } = PriceBasis.Gross;
}
