using System.Collections.Concurrent;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Orders;

/// <summary>An <see cref="IImportedOrderLedger"/> held in memory, for tests.</summary>
public sealed class InMemoryImportedOrderLedger : IImportedOrderLedger
{
    private readonly ConcurrentDictionary<(ConnectionId, string), ImportedOrder> _orders = new();

    private readonly InMemoryWorkLeaseStore _leases;

    /// <summary>Creates the store, fenced by the leases of <paramref name="leases"/>.</summary>
    /// <param name="leases">The lease store whose leases the run's writes carry; its lock guards each fenced write.</param>
    public InMemoryImportedOrderLedger(InMemoryWorkLeaseStore leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        _leases = leases;
    }

    /// <inheritdoc />
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_orders.GetValueOrDefault((connection, orderNumber)));
    }

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_leases.Fenced(lease, () => _orders.TryAdd((order.Connection, order.OrderNumber), order)));
    }
}
