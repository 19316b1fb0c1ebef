namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// What one import run has let through automatic acceptance, per ERP article: the ERP's free stock does not drop while the
/// run is still reading (the accepted orders reach the ERP later), so each order is judged against the free stock less
/// what the orders accepted before it in the same run take. One per run of the changed-order list; not shared between runs.
/// </summary>
internal sealed class AcceptedStock
{
    private readonly Dictionary<string, decimal> _taken = new(StringComparer.Ordinal);

    /// <summary>How much of an article the orders accepted so far in this run take.</summary>
    /// <param name="article">The ERP article number.</param>
    /// <returns>The quantity, 0 when none.</returns>
    public decimal TakenOf(string article) => _taken.GetValueOrDefault(article);

    /// <summary>Counts an order let through: its quantities are taken from the free stock for the rest of the run.</summary>
    /// <param name="needed">The order's quantity per ERP article.</param>
    public void Take(IReadOnlyDictionary<string, int> needed)
    {
        ArgumentNullException.ThrowIfNull(needed);
        foreach (var (article, quantity) in needed)
        {
            _taken[article] = TakenOf(article) + quantity;
        }
    }
}
