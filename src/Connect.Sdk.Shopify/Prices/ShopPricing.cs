using Connect.Sdk.Prices;

namespace Connect.Sdk.Shopify.Prices;

/// <summary>How a shop takes its variants' prices: in which currency, and with tax included or without.</summary>
/// <param name="Currency">The shop's currency (<c>shop.currencyCode</c>).</param>
/// <param name="TaxesIncluded">
/// Whether the shop's prices include tax (<c>shop.taxesIncluded</c>, Settings › Taxes and duties): whether a variant's
/// price is gross.
/// </param>
internal sealed record ShopPricing(CurrencyCode Currency, bool TaxesIncluded)
{
    /// <summary>The basis the shop's prices are on: gross when they include tax, net otherwise.</summary>
    public PriceBasis Basis => TaxesIncluded ? PriceBasis.Gross : PriceBasis.Net;
}
