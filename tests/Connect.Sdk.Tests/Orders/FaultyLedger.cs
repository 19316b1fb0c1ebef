using Connect.Sdk.Orders;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A ledger that fails a read or a write when armed.</summary>
internal sealed class FaultyLedger(IImportedOrderLedger inner, Faults faults) : IImportedOrderLedger
{
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.LedgerFind);
        return inner.FindAsync(connection, orderNumber, cancellationToken);
    }

    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.LedgerRecord);
        return inner.TryRecordAsync(order, lease, cancellationToken);
    }
}
