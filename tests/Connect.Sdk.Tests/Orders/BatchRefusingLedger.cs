using Connect.Sdk.Orders;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A ledger whose batch write always fails, and whose single write fails for one order number.</summary>
internal sealed class BatchRefusingLedger(IImportedOrderLedger inner, string refusedNumber) : IImportedOrderLedger
{
    public int BatchAttempts { get; private set; }

    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        inner.FindAsync(connection, orderNumber, cancellationToken);

    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken) =>
        order.OrderNumber == refusedNumber
            ? throw new InvalidOperationException($"Injected failure recording {order.OrderNumber}.")
            : inner.TryRecordAsync(order, lease, cancellationToken);

    public ValueTask<IReadOnlyList<bool>> TryRecordManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken)
    {
        BatchAttempts++;
        throw new InvalidOperationException("Injected failure recording a batch.");
    }
}
