namespace Connect.Sdk.Orders;

/// <summary>
/// What a connector found for one order number a user typed ("import orders 1001, 1002"): the order, nothing (the
/// marketplace does not know the number), or an order it could not read. <see cref="OrderLookupResult.LookUpEachAsync"/>
/// collects these into an <see cref="OrderLookupResult"/>.
/// </summary>
public sealed class OrderNumberLookup
{
    private OrderNumberLookup(MarketplaceOrder? order, UnreadableOrder? unreadable)
    {
        Order = order;
        Problem = unreadable;
    }

    /// <summary>The marketplace does not know the number.</summary>
    public static OrderNumberLookup NotFound { get; } = new(null, null);

    internal MarketplaceOrder? Order { get; }

    internal UnreadableOrder? Problem { get; }

    /// <summary>The order was found and read.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The lookup.</returns>
    public static OrderNumberLookup Found(MarketplaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order, null);
    }

    /// <summary>The order exists (or the marketplace could not say) but could not be read; the SDK journals it as failed.</summary>
    /// <param name="unreadable">The order number and what was wrong.</param>
    /// <returns>The lookup.</returns>
    public static OrderNumberLookup Unreadable(UnreadableOrder unreadable)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        return new(null, unreadable);
    }

    /// <summary>The order exists (or the marketplace could not say) but could not be read; the SDK journals it as failed.</summary>
    /// <param name="orderNumber">The number the user typed.</param>
    /// <param name="reason">What was wrong, e.g. the marketplace's refusal.</param>
    /// <returns>The lookup.</returns>
    public static OrderNumberLookup Unreadable(string orderNumber, string reason) => Unreadable(new UnreadableOrder(orderNumber, reason));
}
