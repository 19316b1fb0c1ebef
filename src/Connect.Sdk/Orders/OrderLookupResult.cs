namespace Connect.Sdk.Orders;

/// <summary>The orders found for a list of order numbers ("import orders 1001, 1002").</summary>
/// <param name="Found">The orders found.</param>
/// <param name="NotFound">The numbers the marketplace does not know.</param>
/// <param name="Unreadable">Orders found whose payload could not be read.</param>
public sealed record OrderLookupResult(IReadOnlyList<MarketplaceOrder> Found, IReadOnlyList<string> NotFound, IReadOnlyList<UnreadableOrder> Unreadable)
{
    /// <summary>
    /// Looks the numbers up one after the other (marketplaces limit the rate of calls, so not in parallel) and sorts what
    /// each lookup says into found, not found and unreadable, keeping the order of the numbers. This is the body of
    /// <see cref="IOrdersFeature.FetchOrdersByNumberAsync"/> for a marketplace that reads one order per call.
    /// </summary>
    /// <param name="orderNumbers">The order numbers.</param>
    /// <param name="lookUpAsync">Looks up one number. An exception it throws ends the whole lookup: catch what should fail only its own number.</param>
    /// <param name="cancellationToken">Cancels the lookups; passed to each.</param>
    /// <returns>The result.</returns>
    public static async ValueTask<OrderLookupResult> LookUpEachAsync(
        IEnumerable<string> orderNumbers,
        Func<string, CancellationToken, ValueTask<OrderNumberLookup>> lookUpAsync,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        ArgumentNullException.ThrowIfNull(lookUpAsync);
        var found = new List<MarketplaceOrder>();
        var notFound = new List<string>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var number in orderNumbers)
        {
            var lookup = await lookUpAsync(number, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The lookup of order {number} returned null instead of an {nameof(OrderNumberLookup)}.");
            if (lookup.Order is { } order)
            {
                found.Add(order);
            }
            else if (lookup.Problem is { } problem)
            {
                unreadable.Add(problem);
            }
            else
            {
                notFound.Add(number);
            }
        }

        return new OrderLookupResult(found, notFound, unreadable);
    }
}
