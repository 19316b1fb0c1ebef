namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// What orders accepted on Mirakl but not in the ERP yet take, per ERP article: the ERP's free stock does not drop
/// until an order reaches it, so each waiting order is judged against the free stock less what these take. They are the
/// orders accepted before in the same run and, counted once per run before the first judgement, the orders accepted
/// earlier that still wait for the buyer's debit. One per run of the changed-order list; not shared between runs.
/// </summary>
internal sealed class AcceptedStock
{
    private readonly Dictionary<string, decimal> _taken = new(StringComparer.Ordinal);

    /// <summary>Whether the orders accepted in earlier runs have been counted yet.</summary>
    public bool EarlierCounted { get; private set; }

    /// <summary>How much of an article the orders accepted and not in the ERP yet take.</summary>
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

    /// <summary>Counts the orders accepted in earlier runs and not in the ERP yet; later calls of it are not needed.</summary>
    /// <param name="needed">Their quantities per ERP article.</param>
    public void TakeEarlier(IEnumerable<IReadOnlyDictionary<string, int>> needed)
    {
        ArgumentNullException.ThrowIfNull(needed);
        foreach (var order in needed)
        {
            Take(order);
        }

        EarlierCounted = true;
    }
}
