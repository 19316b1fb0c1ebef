using Connect.Sdk.Orders;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IImportedOrderLedger"/> in PostgreSQL; the primary key makes "recorded once" hold across
/// processes. Recording an order also marks its staged order handed over, in the same transaction.
/// </summary>
public sealed class PostgreSqlImportedOrderLedger : IImportedOrderLedger
{
    private readonly RelationalImportedOrderLedger _store;

    /// <summary>Creates the ledger on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlImportedOrderLedger(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalImportedOrderLedger(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        _store.FindAsync(connection, orderNumber, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, ImportedOrder>> FindManyAsync(ConnectionId connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
        _store.FindManyAsync(connection, orderNumbers, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// In the same transaction, the order's row in <see cref="PostgreSqlOrderStagingStore"/> (same database), if there is
    /// one and it is not handed over yet, is marked handed over with the ERP id the ledger holds: a crash can never
    /// leave an imported order staged, nor a handed-over order without its ledger entry.
    /// </remarks>
    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken) =>
        _store.TryRecordAsync(order, lease, cancellationToken);

    /// <inheritdoc />
    /// <remarks>All in one transaction, each order's staged row marked as <see cref="TryRecordAsync"/> marks it.</remarks>
    public ValueTask<IReadOnlyList<bool>> TryRecordManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken) =>
        _store.TryRecordManyAsync(orders, lease, cancellationToken);
}
