namespace Connect.Sdk.Mirakl.Orders;

/// <summary>
/// The orders one run's waiting pass has judged, by <c>order_id</c>: each waiting order is judged, and journaled, once
/// per run. The changed pass leaves out one still waiting that the waiting pass judged, and the waiting pass passes over
/// one listed again (it is still in the list, so the next page starts after it).
/// </summary>
internal sealed class JudgedOrders
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Notes an order as judged.</summary>
    /// <param name="orderId">Its <c>order_id</c>.</param>
    /// <returns><see langword="false"/> when it was judged already in this run.</returns>
    public bool Add(string orderId) => _ids.Add(orderId);

    /// <summary>Whether the order was judged in this run.</summary>
    /// <param name="orderId">Its <c>order_id</c>.</param>
    /// <returns>Whether it was.</returns>
    public bool Contains(string orderId) => _ids.Contains(orderId);
}
