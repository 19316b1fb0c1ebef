using Connect.Sdk.Prices;

namespace Connect.Sdk.Amazon.Prices;

/// <summary>
/// The one Amazon marketplace a connection publishes prices to, with its country, currency and price basis, or the
/// reason there is none: an id the tables do not have, or more than one marketplace. A price is computed with the
/// article's one VAT rate into one currency, and VAT differs per country, so one gross <c>value_with_tax</c> sent to
/// Germany and France alike would be wrong in one of them; a connection with prices has one marketplace.
/// </summary>
/// <param name="Id">The marketplace id, when <paramref name="Problem"/> is <see langword="null"/>.</param>
/// <param name="Country">The marketplace's country.</param>
/// <param name="Currency">The currency the marketplace sells in.</param>
/// <param name="Basis">Whether the marketplace's <c>our_price</c> includes VAT.</param>
/// <param name="Problem">Why the connection has no one marketplace for prices, as a sentence.</param>
internal sealed record PriceMarketplace(string Id, string Country, CurrencyCode Currency, PriceBasis Basis, string? Problem)
{
    /// <summary>Looks the connection's marketplace ids up; no call to Amazon, so nothing to cache beyond the tables.</summary>
    /// <param name="marketplaceIds">The connection's marketplace ids.</param>
    /// <returns>The marketplace or the problem.</returns>
    public static PriceMarketplace Of(IReadOnlyList<string> marketplaceIds)
    {
        var unknown = marketplaceIds.Where(id => AmazonMarketplaceCurrencies.Of(id) is null || AmazonMarketplacePriceBases.Of(id) is null).ToArray();
        if (unknown.Length > 0)
        {
            return Refused($"the currency of Amazon marketplace {string.Join(", ", unknown)} is not known to the connector; check the setting '{AmazonConnector.MarketplaceIdsKey}'.");
        }

        if (marketplaceIds.Count > 1)
        {
            var each = marketplaceIds.Select(id => $"{AmazonMarketplacePriceBases.Of(id)!.Value.Country} ({id}, {AmazonMarketplaceCurrencies.Of(id)?.Value})");
            return Refused(
                $"the connection's Amazon marketplaces are in {marketplaceIds.Count} countries: {string.Join(", ", each)}; VAT and currency differ per country, "
                + $"so one computed price would be wrong in all but one of them; use one connection per country (one id in the setting '{AmazonConnector.MarketplaceIdsKey}').");
        }

        var marketplaceId = marketplaceIds[0];
        var (country, basis) = AmazonMarketplacePriceBases.Of(marketplaceId)!.Value;
        return new(marketplaceId, country, AmazonMarketplaceCurrencies.Of(marketplaceId)!.Value, basis, null);
    }

    private static PriceMarketplace Refused(string problem) => new(string.Empty, string.Empty, default, default, problem);
}
