using Connect.Sdk.Orders;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Sync;

/// <summary>A ledger whose first record waits at a <see cref="WriteGate"/>: the ERP has the order, the ledger not yet.</summary>
internal sealed class GatedImportedOrderLedger(IImportedOrderLedger inner, WriteGate gate) : IImportedOrderLedger
{
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        inner.FindAsync(connection, orderNumber, cancellationToken);

    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken) =>
        gate.PassAsync(() => inner.TryRecordAsync(order, lease, cancellationToken));
}
