using Connect.Sdk.Connectors;
using Connect.Sdk.Features;

namespace Connect.Sdk.Orders;

/// <summary>A connector's orders feature: reads orders from the marketplace.</summary>
public interface IOrdersFeature : IFeature
{
    /// <summary>
    /// Streams the orders changed since a cursor, page by page, oldest change first. The connector follows
    /// the marketplace's own pagination (cursor, next token, page numbers).
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="since">The cursor to start from.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The pages.</returns>
    IAsyncEnumerable<OrderPage> FetchChangedOrdersAsync(ConnectionContext connection, OrderCursor since, CancellationToken cancellationToken);

    /// <summary>Fetches orders by the numbers users type.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumbers">The order numbers, already trimmed and without duplicates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders found, the numbers not found and the unreadable ones.</returns>
    ValueTask<OrderLookupResult> FetchOrdersByNumberAsync(ConnectionContext connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken);
}
