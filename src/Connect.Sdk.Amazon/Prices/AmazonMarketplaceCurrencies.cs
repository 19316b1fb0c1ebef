using System.Collections.Frozen;

namespace Connect.Sdk.Amazon.Prices;

/// <summary>
/// The currency each Amazon marketplace sells in, by marketplace id: what Amazon's Sellers API states as the
/// marketplace's <c>defaultCurrencyCode</c> for the ids of its "Marketplace IDs" table. A price for a marketplace is
/// always in this currency; Amazon converts nothing for the seller.
/// </summary>
internal static class AmazonMarketplaceCurrencies
{
    private static readonly FrozenDictionary<string, CurrencyCode> ByMarketplaceId = new Dictionary<string, CurrencyCode>(StringComparer.Ordinal)
    {
        // North America
        ["ATVPDKIKX0DER"] = new("USD"),   // United States
        ["A2EUQ1WTGCTBG2"] = new("CAD"),  // Canada
        ["A1AM78C64UM0Y8"] = new("MXN"),  // Mexico
        ["A2Q3Y263D00KWC"] = new("BRL"),  // Brazil

        // Europe
        ["A1PN6IFQEWUF5Q"] = new("EUR"),  // Germany
        ["A13V1IB3VIYZZH"] = new("EUR"),  // France
        ["APJ6JRA9NG5V4"] = new("EUR"),   // Italy
        ["A1RKKUPIHCS9HS"] = new("EUR"),  // Spain
        ["A1805IZSGTT6HS"] = new("EUR"),  // Netherlands
        ["AMEN7PMS3EDWL"] = new("EUR"),   // Belgium
        ["A28R8C7NBKEWEA"] = new("EUR"),  // Ireland
        ["A1F83G8C2ARO7P"] = new("GBP"),  // United Kingdom
        ["A2NODRKZP88ZB9"] = new("SEK"),  // Sweden
        ["A1C3SOZRARQ6R3"] = new("PLN"),  // Poland
        ["A33AVAJ2PDY3EV"] = new("TRY"),  // Turkey
        ["AE08WJ6YKNBMC"] = new("ZAR"),   // South Africa
        ["ARBP9OOSHTCHU"] = new("EGP"),   // Egypt
        ["A17E79C6D8DWNP"] = new("SAR"),  // Saudi Arabia
        ["A2VIGQ35RCS4UG"] = new("AED"),  // United Arab Emirates
        ["A21TJRUUN4KGV"] = new("INR"),   // India

        // Far East
        ["A19VAU5U5O7RUS"] = new("SGD"),  // Singapore
        ["A39IBJ37TRP1C6"] = new("AUD"),  // Australia
        ["A1VC38T7YXB528"] = new("JPY"),  // Japan
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The currency a marketplace sells in.</summary>
    /// <param name="marketplaceId">The marketplace id, e.g. <c>A1PN6IFQEWUF5Q</c>.</param>
    /// <returns>The currency; <see langword="null"/> for an id the table does not have.</returns>
    public static CurrencyCode? Of(string marketplaceId) => ByMarketplaceId.TryGetValue(marketplaceId, out var currency) ? currency : null;
}
