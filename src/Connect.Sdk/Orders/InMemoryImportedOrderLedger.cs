using System.Collections.Concurrent;

namespace Connect.Sdk.Orders;

/// <summary>An <see cref="IImportedOrderLedger"/> held in memory, for tests.</summary>
public sealed class InMemoryImportedOrderLedger : IImportedOrderLedger
{
    private readonly ConcurrentDictionary<(ConnectionId, string), ImportedOrder> _orders = new();

    /// <inheritdoc />
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_orders.GetValueOrDefault((connection, orderNumber)));
    }

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ImportedOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_orders.TryAdd((order.Connection, order.OrderNumber), order));
    }
}
