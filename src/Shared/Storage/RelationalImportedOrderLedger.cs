using System.Data.Common;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The imported-order ledger of the SQL stores; the primary key makes "recorded once" hold across processes. Recording
/// an order also marks its staged order handed over, in the same transaction (<see cref="StagedOrderHandOver"/>): a
/// crash can never leave an imported order staged, nor a handed-over order without its ledger entry.
/// </summary>
internal sealed class RelationalImportedOrderLedger(RelationalDatabase database) : IImportedOrderLedger
{
    /// <inheritdoc />
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return database.ReadAsync<ImportedOrder?>(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT erp_order_id, imported_at FROM imported_orders WHERE connection = @connection AND order_number = @number;")
                    .With("@connection", connection.Value)
                    .With("@number", orderNumber);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new ImportedOrder(connection, orderNumber, reader.GetString(0), reader.GetInstant(1))
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lease);
        return database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                await using var insert = db.Command(transaction, "INSERT INTO imported_orders (connection, order_number, erp_order_id, imported_at) VALUES (@connection, @number, @erp, @at) ON CONFLICT DO NOTHING;")
                    .With("@connection", order.Connection.Value)
                    .With("@number", order.OrderNumber)
                    .With("@erp", order.ErpOrderId)
                    .With("@at", order.ImportedAt.ToStored());
                var recorded = await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;

                // When another worker recorded the order first, its ERP id is the truth, for staging as well.
                var erpOrderId = recorded ? order.ErpOrderId : await RecordedErpOrderIdAsync(db, transaction, order, ct).ConfigureAwait(false);
                await StagedOrderHandOver.MarkAsync(db, transaction, order.Connection, order.OrderNumber, erpOrderId, ct).ConfigureAwait(false);
                return recorded;
            },
            cancellationToken);
    }

    private static async ValueTask<string> RecordedErpOrderIdAsync(DbConnection db, DbTransaction transaction, ImportedOrder order, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, "SELECT erp_order_id FROM imported_orders WHERE connection = @connection AND order_number = @number;")
            .With("@connection", order.Connection.Value)
            .With("@number", order.OrderNumber);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
