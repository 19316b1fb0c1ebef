using Connect.Sdk.Orders;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>An <see cref="IImportedOrderLedger"/> in a SQLite file; the primary key makes "recorded once" hold across processes.</summary>
public sealed class SqliteImportedOrderLedger : IImportedOrderLedger
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the ledger on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteImportedOrderLedger(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return _database.ReadAsync<ImportedOrder?>(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "SELECT erp_order_id, imported_at FROM imported_orders WHERE connection = $connection AND order_number = $number;")
                    .With("$connection", connection.Value)
                    .With("$number", orderNumber);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new ImportedOrder(connection, orderNumber, reader.GetString(0), reader.GetInstant(1))
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ImportedOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = db.Command(transaction, "INSERT INTO imported_orders (connection, order_number, erp_order_id, imported_at) VALUES ($connection, $number, $erp, $at) ON CONFLICT DO NOTHING;")
                    .With("$connection", order.Connection.Value)
                    .With("$number", order.OrderNumber)
                    .With("$erp", order.ErpOrderId)
                    .With("$at", order.ImportedAt.ToStored());
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }
}
