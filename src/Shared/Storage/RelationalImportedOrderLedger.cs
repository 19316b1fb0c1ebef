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
    public ValueTask<IReadOnlyDictionary<string, ImportedOrder>> FindManyAsync(ConnectionId connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumbers);
        return database.ReadAsync<IReadOnlyDictionary<string, ImportedOrder>>(
            async (db, snapshot, ct) =>
            {
                // One statement rebound per number, on one connection and snapshot: portable, and a page is at most a few hundred.
                var found = new Dictionary<string, ImportedOrder>(StringComparer.Ordinal);
                await using var command = db.Command(snapshot, "SELECT erp_order_id, imported_at FROM imported_orders WHERE connection = @connection AND order_number = @number;")
                    .With("@connection", connection.Value);
                foreach (var number in orderNumbers)
                {
                    command.Rebind("@number", number);
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    if (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        found[number] = new ImportedOrder(connection, number, reader.GetString(0), reader.GetInstant(1));
                    }
                }

                return found;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(ImportedOrder order, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return (await TryRecordManyAsync([order], lease, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<bool>> TryRecordManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(lease);
        return database.WriteAsync<IReadOnlyList<bool>>(
            async (db, transaction, ct) =>
            {
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                var recorded = new bool[orders.Count];
                await using var insert = db.Command(transaction, "INSERT INTO imported_orders (connection, order_number, erp_order_id, imported_at) VALUES (@connection, @number, @erp, @at) ON CONFLICT DO NOTHING;");
                for (var i = 0; i < orders.Count; i++)
                {
                    var order = orders[i];
                    insert.Rebind("@connection", order.Connection.Value)
                        .Rebind("@number", order.OrderNumber)
                        .Rebind("@erp", order.ErpOrderId)
                        .Rebind("@at", order.ImportedAt.ToStored());
                    recorded[i] = await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;

                    // When another worker recorded the order first, its ERP id is the truth, for staging as well.
                    var erpOrderId = recorded[i] ? order.ErpOrderId : await RecordedErpOrderIdAsync(db, transaction, order, ct).ConfigureAwait(false);
                    await StagedOrderHandOver.MarkAsync(db, transaction, order.Connection, order.OrderNumber, erpOrderId, ct).ConfigureAwait(false);
                }

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
