using Connect.Sdk.Prices;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>What a shop takes prices in: its currency and whether its prices are entered with tax.</summary>
/// <param name="Currency">The setting <c>woocommerce_currency</c>.</param>
/// <param name="PricesIncludeTax">The setting <c>woocommerce_prices_include_tax</c>, <c>yes</c> or <c>no</c>.</param>
internal sealed record ShopPriceTerms(CurrencyCode Currency, bool PricesIncludeTax)
{
    /// <summary>The basis the shop takes prices on: gross when they are entered with tax, else net.</summary>
    public PriceBasis Basis => PricesIncludeTax ? PriceBasis.Gross : PriceBasis.Net;

    /// <summary>Whether an update's amounts are in the shop's currency and on its basis.</summary>
    /// <param name="update">The update.</param>
    /// <returns>Whether the shop takes the update as it is.</returns>
    public bool Take(PriceUpdate update) =>
        update.Basis == Basis && update.Price.Currency == Currency && (update.CompareAtPrice is not { } compareAt || compareAt.Currency == Currency);
}
