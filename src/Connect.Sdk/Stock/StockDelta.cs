namespace Connect.Sdk.Stock;

/// <summary>
/// The delta of stock sync: which articles' quantity to publish (computed by the connection's
/// <see cref="StockRules"/>) differs from the quantity last sent. Pure and allocation-light, because a run
/// computes it for every article of a connection; public so that a host can preview what the next run sends.
/// </summary>
public static class StockDelta
{
    /// <summary>Finds the articles whose quantity to publish differs from the one last sent (or was never sent).</summary>
    /// <param name="levels">The ERP stock levels.</param>
    /// <param name="rules">The connection's rules.</param>
    /// <param name="lastSent">The quantities last sent, by article number (see <see cref="IStockSyncStateStore"/>).</param>
    /// <returns>The changes, in the order of <paramref name="levels"/>.</returns>
    /// <exception cref="ArgumentException">The rules have problems (see <see cref="StockRules.Validate"/>).</exception>
    public static IReadOnlyList<StockChange> Changed(IReadOnlyList<StockLevel> levels, StockRules rules, IReadOnlyDictionary<string, SentStock> lastSent) =>
        Compute(levels, rules, lastSent, includeUnchanged: false);

    /// <summary>Computes every article's quantity to publish, changed or not: for the periodic full reconcile.</summary>
    /// <param name="levels">The ERP stock levels.</param>
    /// <param name="rules">The connection's rules.</param>
    /// <param name="lastSent">The quantities last sent, by article number, to fill <see cref="StockChange.LastSent"/>.</param>
    /// <returns>One entry per level, in the order of <paramref name="levels"/>.</returns>
    /// <exception cref="ArgumentException">The rules have problems (see <see cref="StockRules.Validate"/>).</exception>
    public static IReadOnlyList<StockChange> All(IReadOnlyList<StockLevel> levels, StockRules rules, IReadOnlyDictionary<string, SentStock> lastSent) =>
        Compute(levels, rules, lastSent, includeUnchanged: true);

    private static List<StockChange> Compute(IReadOnlyList<StockLevel> levels, StockRules rules, IReadOnlyDictionary<string, SentStock> lastSent, bool includeUnchanged)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(lastSent);
        var changes = new List<StockChange>(includeUnchanged ? levels.Count : 0);
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var quantity = StockQuantityCalculation.Quantity(level, rules);
            int? last = lastSent.TryGetValue(level.ArticleNumber, out var sent) ? sent.Quantity : null;
            if (includeUnchanged || last != quantity)
            {
                changes.Add(new StockChange(level.ArticleNumber, quantity, last));
            }
        }

        return changes;
    }
}
