using Connect.Sdk.Prices;

namespace Connect.Sdk.Ebay.Prices;

/// <summary>
/// The currency and price basis of the eBay marketplaces the connector prices on: in Europe and the UK listing prices
/// include VAT (gross), in the US they exclude the sales tax eBay adds at checkout (net).
/// </summary>
internal static class EbayMarketplaces
{
    private static readonly Dictionary<string, (CurrencyCode Currency, PriceBasis Basis)> Known = new(StringComparer.Ordinal)
    {
        ["EBAY_DE"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_AT"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_FR"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_IT"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_ES"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_NL"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_BE"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_IE"] = (CurrencyCode.Eur, PriceBasis.Gross),
        ["EBAY_GB"] = (CurrencyCode.Gbp, PriceBasis.Gross),
        ["EBAY_CH"] = (CurrencyCode.Chf, PriceBasis.Gross),
        ["EBAY_US"] = (CurrencyCode.Usd, PriceBasis.Net),
    };

    /// <summary>The marketplace's currency and basis.</summary>
    /// <param name="marketplaceId">The marketplace id, e.g. <c>EBAY_DE</c>.</param>
    /// <returns>Both, or <see langword="null"/> for a marketplace the connector does not price on.</returns>
    public static (CurrencyCode Currency, PriceBasis Basis)? Of(string marketplaceId) =>
        Known.TryGetValue(marketplaceId, out var known) ? known : null;
}
