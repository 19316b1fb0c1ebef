using Connect.Sdk.Amazon.Wire;

namespace Connect.Sdk.Amazon.Orders;

/// <summary>
/// The items of the orders an import has read, by seller, order and the order's change time. getOrderItems allows one
/// call every two seconds, and only an import's last page moves the SDK's cursor, so an import that breaks off (a page
/// Amazon could not answer) would read every item of the pages before it again, and one with many pages might never get
/// to its end. The next run takes them from here and resumes where the broken one stopped. An order that changed on
/// Amazon has a new change time and is read afresh; beyond <see cref="Capacity"/> orders the oldest are forgotten.
/// </summary>
internal sealed class ReadOrderItems
{
    /// <summary>How many orders' items are kept: a day's orders of a busy seller, a few kilobytes each.</summary>
    public const int Capacity = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Seller, string Order), (string ChangedAt, IReadOnlyList<AmazonOrderItemJson> Items)> _items = [];
    private readonly Queue<(string Seller, string Order)> _oldestFirst = new();

    /// <summary>The order's items as read before at its current change time, or read now and kept.</summary>
    /// <param name="sellerId">The seller.</param>
    /// <param name="order">The order as getOrders returned it.</param>
    /// <param name="read">Reads the items from Amazon.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items; a list with a null item is returned but not kept, so the next import reads it again.</returns>
    public async Task<IReadOnlyList<AmazonOrderItemJson>> GetOrReadAsync(
        string sellerId,
        AmazonOrderJson order,
        Func<CancellationToken, Task<IReadOnlyList<AmazonOrderItemJson>>> read,
        CancellationToken cancellationToken)
    {
        var key = (sellerId, order.AmazonOrderId);
        lock (_gate)
        {
            if (_items.TryGetValue(key, out var known) && string.Equals(known.ChangedAt, order.LastUpdateDate, StringComparison.Ordinal))
            {
                return known.Items;
            }
        }

        var items = await read(cancellationToken).ConfigureAwait(false);
        if (items.Any(i => i is null))
        {
            // A null item is this order's flaw: kept, it would fail the order from here on until its change time moves,
            // even after Amazon answers whole again. (A flawed field throws and is never kept.)
            return items;
        }

        lock (_gate)
        {
            if (!_items.ContainsKey(key))
            {
                _oldestFirst.Enqueue(key);
            }

            _items[key] = (order.LastUpdateDate, items);
            while (_items.Count > Capacity)
            {
                _items.Remove(_oldestFirst.Dequeue());
            }
        }

        return items;
    }
}
