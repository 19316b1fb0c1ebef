using Connect.Sdk.Prices;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>
/// The currency each marketplace the fake knows sells in, as Amazon's Sellers API states it
/// (<c>Marketplace.defaultCurrencyCode</c>) for the ids of the SP-API "Marketplace IDs" table, and the basis its
/// <c>our_price</c> takes (docs/marketplaces/amazon.md names the sources).
/// </summary>
internal static class AmazonMarketplaceCurrency
{
    // "id currency" pairs, one string so the table reads as Amazon's does.
    private const string Table =
        "ATVPDKIKX0DER USD A2EUQ1WTGCTBG2 CAD A1AM78C64UM0Y8 MXN A2Q3Y263D00KWC BRL "
        + "A1PN6IFQEWUF5Q EUR A13V1IB3VIYZZH EUR APJ6JRA9NG5V4 EUR A1RKKUPIHCS9HS EUR A1805IZSGTT6HS EUR AMEN7PMS3EDWL EUR "
        + "A28R8C7NBKEWEA EUR A1F83G8C2ARO7P GBP A2NODRKZP88ZB9 SEK A1C3SOZRARQ6R3 PLN A33AVAJ2PDY3EV TRY AE08WJ6YKNBMC ZAR "
        + "ARBP9OOSHTCHU EGP A17E79C6D8DWNP SAR A2VIGQ35RCS4UG AED A21TJRUUN4KGV INR "
        + "A19VAU5U5O7RUS SGD A39IBJ37TRP1C6 AUD A1VC38T7YXB528 JPY";

    // Where sales tax is added at checkout: the United States, Canada, Mexico and Brazil.
    private static readonly HashSet<string> TakesNetPrices = new(["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8", "A2Q3Y263D00KWC"], StringComparer.Ordinal);

    private static readonly Dictionary<string, CurrencyCode> ById = Table.Split(' ').Chunk(2).ToDictionary(p => p[0], p => new CurrencyCode(p[1]), StringComparer.Ordinal);

    /// <summary>The marketplace's currency.</summary>
    /// <param name="marketplaceId">The marketplace id.</param>
    /// <returns>The currency, or <see langword="null"/> for an id the fake does not know.</returns>
    public static CurrencyCode? Of(string marketplaceId) => ById.TryGetValue(marketplaceId, out var currency) ? currency : null;

    /// <summary>Whether the marketplace's <c>our_price</c> includes VAT: net where sales tax is added at checkout, else gross.</summary>
    /// <param name="marketplaceId">The marketplace id.</param>
    /// <returns>The basis, or <see langword="null"/> for an id the fake does not know.</returns>
    public static PriceBasis? BasisOf(string marketplaceId) =>
        !ById.ContainsKey(marketplaceId) ? null : TakesNetPrices.Contains(marketplaceId) ? PriceBasis.Net : PriceBasis.Gross;
}
