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

    /// <summary>
    /// Finds the ledger entries of many orders of a connection at once: how a run checks a page of orders with one read
    /// rather than one per order. A store that can read many rows in one go overrides this; the default reads one
    /// after the other.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumbers">The marketplace order numbers.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries that exist, by order number; orders never imported are left out.</returns>
    async ValueTask<IReadOnlyDictionary<string, ImportedOrder>> FindManyAsync(ConnectionId connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        var found = new Dictionary<string, ImportedOrder>(StringComparer.Ordinal);
        foreach (var number in orderNumbers)
        {
            if (await FindAsync(connection, number, cancellationToken).ConfigureAwait(false) is { } imported)
            {
                found[number] = imported;
            }
        }

        return found;
    }

    /// <summary>
    /// Records many imported orders, each as <see cref="TryRecordAsync"/> would, so that a page of orders the ERP accepted
    /// is one store write (one transaction in a SQL store, all or nothing) rather than one per order. A store that can
    /// write many rows in one go overrides this; the default records one after the other.
    /// </summary>
    /// <param name="orders">The entries, with distinct order numbers.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Per entry, in the same order: <see langword="true"/> when recorded now, <see langword="false"/> when an entry already existed.</returns>
    async ValueTask<IReadOnlyList<bool>> TryRecordManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var recorded = new bool[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            recorded[i] = await TryRecordAsync(orders[i], lease, cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }
}
