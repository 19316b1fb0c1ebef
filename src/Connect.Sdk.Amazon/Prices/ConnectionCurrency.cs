namespace Connect.Sdk.Amazon.Prices;

/// <summary>
/// The currency a connection sells in: the one currency of all its marketplace ids, or the reason there is none (an
/// id the table does not have, or marketplaces selling in different currencies).
/// </summary>
/// <param name="Currency">The currency, when <paramref name="Problem"/> is <see langword="null"/>.</param>
/// <param name="Problem">Why the connection has no one currency, as a sentence.</param>
internal sealed record ConnectionCurrency(CurrencyCode Currency, string? Problem)
{
    /// <summary>Looks the connection's marketplace ids up; no call to Amazon, so nothing to cache beyond the table.</summary>
    /// <param name="marketplaceIds">The connection's marketplace ids.</param>
    /// <returns>The currency or the problem.</returns>
    public static ConnectionCurrency Of(IReadOnlyList<string> marketplaceIds)
    {
        var unknown = marketplaceIds.Where(id => AmazonMarketplaceCurrencies.Of(id) is null).ToArray();
        if (unknown.Length > 0)
        {
            return new(default, $"the currency of Amazon marketplace {string.Join(", ", unknown)} is not known to the connector; check the setting '{AmazonConnector.MarketplaceIdsKey}'.");
        }

        var currencies = marketplaceIds.GroupBy(id => AmazonMarketplaceCurrencies.Of(id)!.Value).ToArray();
        return currencies.Length == 1
            ? new(currencies[0].Key, null)
            : new(default, $"the connection's Amazon marketplaces sell in {string.Join(" and ", currencies.Select(g => $"{g.Key} ({string.Join(", ", g)})"))}; prices are never converted, so a connection with prices needs marketplaces of one currency.");
    }
}
