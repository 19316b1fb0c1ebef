namespace Connect.Sdk.Orders;

/// <summary>One page of changed orders from a marketplace.</summary>
/// <param name="Orders">The orders read.</param>
/// <param name="Unreadable">The orders on the page whose payload could not be read.</param>
/// <param name="Resume">Where to resume after this page once its orders are staged.</param>
public sealed record OrderPage(IReadOnlyList<MarketplaceOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable, OrderCursor Resume)
{
    /// <summary>
    /// Maps a page of orders as the marketplace sent them: the readable ones become <see cref="Orders"/>, the others
    /// <see cref="Unreadable"/> (one broken order does not hold back the rest of the page), and the page resumes at the
    /// newest change among its readable orders, never before <paramref name="since"/>.
    /// </summary>
    /// <typeparam name="TPayload">The marketplace's shape of an order.</typeparam>
    /// <param name="payloads">The page's orders, as the marketplace sent them.</param>
    /// <param name="tryMap">The connector's mapping of one order.</param>
    /// <param name="since">The cursor the page was read from; kept when no order on the page could be read.</param>
    /// <returns>The page, ready for the SDK.</returns>
    public static OrderPage Map<TPayload>(IEnumerable<TPayload> payloads, TryMapOrder<TPayload> tryMap, OrderCursor since)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(tryMap);
        var orders = new List<MarketplaceOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var payload in payloads)
        {
            if (tryMap(payload, out var order, out var problem))
            {
                orders.Add(order);
            }
            else
            {
                unreadable.Add(problem);
            }
        }

        // An unreadable order has no trustworthy change time: a page of only those leaves the cursor where it was. Nor
        // does a page whose orders all changed before it (a marketplace that filters inclusively or by a coarser time):
        // going back would read the same orders again and again.
        var newest = orders.Count == 0 ? since.ChangedSince : orders.Max(o => o.UpdatedAt);
        return new OrderPage(orders, unreadable, newest > since.ChangedSince ? new OrderCursor(newest) : since);
    }
}
