using System.Collections.Frozen;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Amazon.Prices;

/// <summary>
/// The country of each Amazon marketplace of <see cref="AmazonMarketplaceCurrencies"/> and the basis its <c>our_price</c>
/// takes: <c>value_with_tax</c> is what the buyer pays where consumer prices include VAT, GST or consumption tax (Europe,
/// the Middle East, India, the Far East), so the price is <see cref="PriceBasis.Gross"/> there; in the United States,
/// Canada, Mexico and Brazil Amazon adds the sales tax at checkout, so the price is <see cref="PriceBasis.Net"/>.
/// </summary>
/// <remarks>
/// Sources: Amazon's VAT Calculation Service guide for the European and UK marketplaces (an order's <c>ItemPrice</c> is
/// the VAT-inclusive price and <c>ItemTax</c> the VAT in it); the Orders API model's sandbox order for Amazon.com, where
/// <c>ItemTax</c> comes on top of <c>ItemPrice</c> (10.00 + 1.01 = 11.01). docs/marketplaces/amazon.md lists them and
/// what no stored source confirms.
/// </remarks>
internal static class AmazonMarketplacePriceBases
{
    private static readonly FrozenDictionary<string, (string Country, PriceBasis Basis)> ByMarketplaceId = new Dictionary<string, (string, PriceBasis)>(StringComparer.Ordinal)
    {
        // North America and Brazil: sales tax is added at checkout.
        ["ATVPDKIKX0DER"] = ("United States", PriceBasis.Net),
        ["A2EUQ1WTGCTBG2"] = ("Canada", PriceBasis.Net),
        ["A1AM78C64UM0Y8"] = ("Mexico", PriceBasis.Net),
        ["A2Q3Y263D00KWC"] = ("Brazil", PriceBasis.Net),

        // Europe, the Middle East, Africa and India: the consumer price includes VAT or GST.
        ["A1PN6IFQEWUF5Q"] = ("Germany", PriceBasis.Gross),
        ["A13V1IB3VIYZZH"] = ("France", PriceBasis.Gross),
        ["APJ6JRA9NG5V4"] = ("Italy", PriceBasis.Gross),
        ["A1RKKUPIHCS9HS"] = ("Spain", PriceBasis.Gross),
        ["A1805IZSGTT6HS"] = ("Netherlands", PriceBasis.Gross),
        ["AMEN7PMS3EDWL"] = ("Belgium", PriceBasis.Gross),
        ["A28R8C7NBKEWEA"] = ("Ireland", PriceBasis.Gross),
        ["A1F83G8C2ARO7P"] = ("United Kingdom", PriceBasis.Gross),
        ["A2NODRKZP88ZB9"] = ("Sweden", PriceBasis.Gross),
        ["A1C3SOZRARQ6R3"] = ("Poland", PriceBasis.Gross),
        ["A33AVAJ2PDY3EV"] = ("Turkey", PriceBasis.Gross),
        ["AE08WJ6YKNBMC"] = ("South Africa", PriceBasis.Gross),
        ["ARBP9OOSHTCHU"] = ("Egypt", PriceBasis.Gross),
        ["A17E79C6D8DWNP"] = ("Saudi Arabia", PriceBasis.Gross),
        ["A2VIGQ35RCS4UG"] = ("United Arab Emirates", PriceBasis.Gross),
        ["A21TJRUUN4KGV"] = ("India", PriceBasis.Gross),

        // Far East: GST or consumption tax is in the consumer price.
        ["A19VAU5U5O7RUS"] = ("Singapore", PriceBasis.Gross),
        ["A39IBJ37TRP1C6"] = ("Australia", PriceBasis.Gross),
        ["A1VC38T7YXB528"] = ("Japan", PriceBasis.Gross),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The country of a marketplace and the basis its <c>our_price</c> takes.</summary>
    /// <param name="marketplaceId">The marketplace id, e.g. <c>A1PN6IFQEWUF5Q</c>.</param>
    /// <returns>The country and basis; <see langword="null"/> for an id the table does not have.</returns>
    public static (string Country, PriceBasis Basis)? Of(string marketplaceId) =>
        ByMarketplaceId.TryGetValue(marketplaceId, out var entry) ? entry : null;
}
