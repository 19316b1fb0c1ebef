using Connect.Sdk.Shipments;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IOrderStatusOutbox"/> in a SQLite file: one row per order with its latest state and sequence.
/// Every change is one write transaction, so a change the ERP reports while another process exports the previous
/// state raises the sequence past the exported one and stays pending.
/// </summary>
public sealed class SqliteOrderStatusOutbox : IOrderStatusOutbox
{
    private readonly RelationalOrderStatusOutbox _store;

    /// <summary>Creates the outbox on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteOrderStatusOutbox(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalOrderStatusOutbox(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> RecordChangeAsync(ConnectionId connection, OrderStatusUpdate update, Instant changedAt, CancellationToken cancellationToken) =>
        _store.RecordChangeAsync(connection, update, changedAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, orderNumber, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<OrderStatusOutboxEntry> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.ListPendingAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> MarkHandledAsync(OrderStatusOutboxEntry handled, bool exported, Instant at, WorkLease? lease, CancellationToken cancellationToken) =>
        _store.MarkHandledAsync(handled, exported, at, lease, cancellationToken);
}
