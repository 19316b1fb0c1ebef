using Connect.Sdk.Sync;

namespace Connect.Sdk.Orders;

/// <summary>
/// The ledger of orders handed to the ERP. It is what makes "never import an order twice" hold: an order
/// with a ledger entry is not handed over again.
/// </summary>
public interface IImportedOrderLedger
{
    /// <summary>Finds the ledger entry of an order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumber">The marketplace order number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/> when the order was never imported.</returns>
    ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken);

    /// <summary>Records an imported order, unless it is already recorded.</summary>
    /// <param name="order">The entry.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when recorded now; <see langword="false"/> when an entry already existed.</returns>
    ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken);
}
