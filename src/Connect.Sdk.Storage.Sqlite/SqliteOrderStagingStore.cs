using Connect.Sdk.Orders;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IOrderStagingStore"/> in a SQLite file. A page is staged and the cursor moved in one
/// transaction, so the cursor never passes an order that is not staged, also for readers in other processes.
/// The order is kept as JSON; state, change time and staging time are columns for the queries.
/// </summary>
/// <remarks>
/// Recording an order in <see cref="SqliteImportedOrderLedger"/> on the same file marks its staged order as
/// handed over in the same transaction; <see cref="MarkHandedOverAsync"/> is then a harmless repetition.
/// </remarks>
public sealed class SqliteOrderStagingStore : IOrderStagingStore
{
    private readonly RelationalOrderStagingStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteOrderStagingStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalOrderStagingStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StagedOrder>> StageAsync(
        ConnectionId connection,
        IReadOnlyList<MarketplaceOrder> orders,
        OrderCursor? advanceCursorTo,
        Instant stagedAt,
        WorkLease lease,
        CancellationToken cancellationToken) =>
        _store.StageAsync(connection, orders, advanceCursorTo, stagedAt, lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, orderNumber, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.ListPendingAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, WorkLease lease, CancellationToken cancellationToken) =>
        _store.HoldAsync(connection, orderNumber, reason, lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken) =>
        _store.MarkHandedOverAsync(connection, orderNumber, erpOrderId, lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask MarkHandedOverManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken) =>
        _store.MarkHandedOverManyAsync(orders, lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetCursorAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken) =>
        _store.SetCursorAsync(connection, cursor, cancellationToken);
}
