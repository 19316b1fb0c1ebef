namespace Connect.Sdk.Prices;

/// <summary>
/// The delta of price sync: which articles' price to publish differs from the one last sent — the price, the
/// compare-at price or the currency. Pure; public so that a host can preview what the next run sends.
/// </summary>
public static class PriceDelta
{
    /// <summary>Whether a quote must be sent: never sent before, or anything about the price differs from what was sent.</summary>
    /// <param name="quote">The price computed by the rules (not refused).</param>
    /// <param name="lastSent">What was last sent for the article, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the price, the compare-at price or the currency differs.</returns>
    public static bool IsChanged(PriceQuote quote, SentPrice? lastSent)
    {
        ArgumentNullException.ThrowIfNull(quote);

        // Money compares amount and currency; 23.9 and 23.90 are the same price.
        return lastSent is null || lastSent.Price != quote.Price || lastSent.CompareAtPrice != quote.CompareAtPrice;
    }

    /// <summary>Finds the quotes whose price differs from the one last sent (or was never sent); refused quotes are left out.</summary>
    /// <param name="quotes">The computed prices.</param>
    /// <param name="lastSent">The prices last sent, by article number (see <see cref="IPriceSyncStateStore"/>).</param>
    /// <returns>The changed quotes, in the order of <paramref name="quotes"/>.</returns>
    public static IReadOnlyList<PriceQuote> Changed(IEnumerable<PriceQuote> quotes, IReadOnlyDictionary<string, SentPrice> lastSent)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(lastSent);
        return quotes.Where(q => !q.IsRefused && IsChanged(q, lastSent.GetValueOrDefault(q.ArticleNumber))).ToArray();
    }
}
