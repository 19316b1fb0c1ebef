using System.Data.Common;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The order staging of the SQL stores. A page is staged and the cursor moved in one transaction, so the cursor never
/// passes an order that is not staged, also for readers in other processes. The order is kept as JSON; state, change
/// time and staging time are columns for the queries. Staging reads the order's row locked for update while it merges
/// (where the database has row locks), and the upsert itself refuses to replace a handed-over order or newer data, so
/// two workers staging the same order at once cannot lose the newer version.
/// </summary>
internal sealed class RelationalOrderStagingStore(RelationalDatabase database) : IOrderStagingStore
{
    private const string Columns = "state, staged_at, hold_reason, erp_order_id, order_json";

    private static readonly PendingList Pending = new("staged_orders", "state = 'Staged'", "updated_at", Columns);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StagedOrder>> StageAsync(
        ConnectionId connection,
        IReadOnlyList<MarketplaceOrder> orders,
        OrderCursor? advanceCursorTo,
        Instant stagedAt,
        WorkLease lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(lease);
        return database.WriteAsync<IReadOnlyList<StagedOrder>>(
            async (db, transaction, ct) =>
            {
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                var result = new StagedOrder[orders.Count];
                for (var i = 0; i < orders.Count; i++)
                {
                    var existing = await ReadAsync(db, transaction, connection, orders[i].OrderNumber, database.Dialect.LockForUpdate, ct).ConfigureAwait(false);
                    var staged = StagedOrder.Stage(existing, connection, orders[i], stagedAt);
                    if (!ReferenceEquals(staged, existing))
                    {
                        await WriteAsync(db, transaction, staged, ct).ConfigureAwait(false);
                    }

                    result[i] = staged;
                }

                if (advanceCursorTo is { } cursor)
                {
                    await using var command = db.Command(transaction, """
                            INSERT INTO order_cursors (connection, changed_since) VALUES (@connection, @since)
                            ON CONFLICT (connection) DO UPDATE SET changed_since = excluded.changed_since
                            WHERE excluded.changed_since > order_cursors.changed_since;
                            """)
                        .With("@connection", connection.Value)
                        .With("@since", cursor.ChangedSince.ToStored());
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return result;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return database.ReadAsync((db, snapshot, ct) => ReadAsync(db, snapshot, connection, orderNumber, string.Empty, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        PendingPages.StreamAsync(
            Pending,
            database,
            connection,
            (command, ct) => ReadAllAsync(command, connection, ct),
            static order => (order.Order.UpdatedAt.ToStored(), order.OrderNumber),
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(lease);
        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                await using var command = db.Command(transaction, "UPDATE staged_orders SET state = 'Held', hold_reason = @reason WHERE connection = @connection AND order_number = @number AND state <> 'HandedOver';")
                    .With("@connection", connection.Value)
                    .With("@number", orderNumber)
                    .With("@reason", reason);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(erpOrderId);
        await MarkHandedOverManyAsync([new ImportedOrder(connection, orderNumber, erpOrderId, default)], lease, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask MarkHandedOverManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(lease);
        foreach (var order in orders)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(order.ErpOrderId);
        }

        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                foreach (var order in orders)
                {
                    await StagedOrderHandOver.MarkAsync(db, transaction, order.Connection, order.OrderNumber, order.ErpOrderId, ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        database.ReadAsync<OrderCursor?>(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT changed_since FROM order_cursors WHERE connection = @connection;")
                    .With("@connection", connection.Value);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long ticks
                    ? new OrderCursor(Instant.FromUnixTimeTicks(ticks))
                    : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO order_cursors (connection, changed_since) VALUES (@connection, @since) ON CONFLICT (connection) DO UPDATE SET changed_since = excluded.changed_since;",
            command => command.With("@connection", connection.Value).With("@since", cursor.ChangedSince.ToStored()),
            cancellationToken).ConfigureAwait(false);

    private static async ValueTask<StagedOrder?> ReadAsync(DbConnection db, DbTransaction? transaction, ConnectionId connection, string orderNumber, string rowLock, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, $"SELECT {Columns} FROM staged_orders WHERE connection = @connection AND order_number = @number{rowLock};")
            .With("@connection", connection.Value)
            .With("@number", orderNumber);
        var rows = await ReadAllAsync(command, connection, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async ValueTask<List<StagedOrder>> ReadAllAsync(DbCommand command, ConnectionId connection, CancellationToken cancellationToken)
    {
        var rows = new List<StagedOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StagedOrder
            {
                Connection = connection,
                Order = StoredJson.Deserialize<MarketplaceOrder>(reader.GetString(4)),
                State = Enum.Parse<StagedOrderState>(reader.GetString(0)),
                StagedAt = reader.GetInstant(1),
                HoldReason = reader.GetNullableString(2),
                ErpOrderId = reader.GetNullableString(3),
            });
        }

        return rows;
    }

    // The staging time of a row is its first; the WHERE keeps a concurrent stager's older data or a handed-over order.
    private async ValueTask WriteAsync(DbConnection db, DbTransaction transaction, StagedOrder staged, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, """
                INSERT INTO staged_orders (connection, order_number, state, updated_at, staged_at, hold_reason, erp_order_id, order_json)
                VALUES (@connection, @number, @state, @updated, @staged, @reason, @erp, @json)
                ON CONFLICT (connection, order_number) DO UPDATE SET
                    state = excluded.state, updated_at = excluded.updated_at,
                    hold_reason = excluded.hold_reason, erp_order_id = excluded.erp_order_id, order_json = excluded.order_json
                WHERE staged_orders.state <> 'HandedOver' AND excluded.updated_at >= staged_orders.updated_at;
                """)
            .With("@connection", staged.Connection.Value)
            .With("@number", staged.OrderNumber)
            .With("@state", staged.State.ToString())
            .With("@updated", staged.Order.UpdatedAt.ToStored())
            .With("@staged", staged.StagedAt.ToStored())
            .WithText("@reason", staged.HoldReason)
            .WithText("@erp", staged.ErpOrderId);
        database.Dialect.WithJson(command, "@json", StoredJson.Serialize(staged.Order));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
