using System.Data.Common;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The order status outbox of the SQL stores: one row per order with its latest state and sequence.
/// Every change is one write transaction, so a change the ERP reports while another process exports the previous
/// state raises the sequence past the exported one and stays pending.
/// </summary>
internal sealed class RelationalOrderStatusOutbox(RelationalDatabase database) : IOrderStatusOutbox
{
    private const string Columns = "sequence, changed_at, handled_sequence, exported_sequence, latest_json, last_exported_json, exported_at";

    private static readonly PendingList Pending = new("order_status_outbox", "sequence > handled_sequence", "changed_at", Columns);

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> RecordChangeAsync(ConnectionId connection, OrderStatusUpdate update, Instant changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // One statement raises the sequence, so no two writers can hand out the same one.
                await using var command = db.Command(transaction, $"""
                        INSERT INTO order_status_outbox (connection, order_number, sequence, changed_at, handled_sequence, exported_sequence, latest_json)
                        VALUES (@connection, @number, 1, @changed, 0, 0, @latest)
                        ON CONFLICT (connection, order_number) DO UPDATE SET
                            sequence = order_status_outbox.sequence + 1, changed_at = excluded.changed_at, latest_json = excluded.latest_json
                        RETURNING {Columns};
                        """)
                    .With("@connection", connection.Value)
                    .With("@number", update.OrderNumber)
                    .With("@changed", changedAt.ToStored());
                database.Dialect.WithJson(command, "@latest", StoredJson.Serialize(update));
                return (await ReadAllAsync(command, connection, ct).ConfigureAwait(false))[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return database.ReadAsync((db, snapshot, ct) => ReadAsync(db, snapshot, connection, orderNumber, string.Empty, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<OrderStatusOutboxEntry> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        PendingPages.StreamAsync(
            Pending,
            database,
            connection,
            (command, ct) => ReadAllAsync(command, connection, ct),
            static entry => (entry.ChangedAt.ToStored(), entry.OrderNumber),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> MarkHandledAsync(OrderStatusOutboxEntry handled, bool exported, Instant at, WorkLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handled);
        return database.WriteAsync(
            async (db, transaction, ct) =>
            {
                if (lease is not null)
                {
                    await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                }

                // The row is read locked for update (or the transaction excludes other writers): a change recorded meanwhile either came before (and its higher
                // sequence is read here) or waits for this commit; either way it stays pending.
                var stored = await ReadAsync(db, transaction, handled.Connection, handled.OrderNumber, database.Dialect.LockForUpdate, ct).ConfigureAwait(false) ?? handled;
                var changed = stored with { HandledSequence = Math.Max(stored.HandledSequence, handled.Sequence) };
                if (exported && handled.Sequence > stored.ExportedSequence)
                {
                    changed = changed with { ExportedSequence = handled.Sequence, LastExported = handled.Latest, ExportedAt = at };
                }

                await WriteAsync(db, transaction, changed, ct).ConfigureAwait(false);
                return changed;
            },
            cancellationToken);
    }

    private static async ValueTask<OrderStatusOutboxEntry?> ReadAsync(DbConnection db, DbTransaction? transaction, ConnectionId connection, string orderNumber, string rowLock, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, $"SELECT {Columns} FROM order_status_outbox WHERE connection = @connection AND order_number = @number{rowLock};")
            .With("@connection", connection.Value)
            .With("@number", orderNumber);
        var rows = await ReadAllAsync(command, connection, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async ValueTask<List<OrderStatusOutboxEntry>> ReadAllAsync(DbCommand command, ConnectionId connection, CancellationToken cancellationToken)
    {
        var entries = new List<OrderStatusOutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new OrderStatusOutboxEntry
            {
                Connection = connection,
                Sequence = reader.GetInt64(0),
                ChangedAt = reader.GetInstant(1),
                HandledSequence = reader.GetInt64(2),
                ExportedSequence = reader.GetInt64(3),
                Latest = StoredJson.Deserialize<OrderStatusUpdate>(reader.GetString(4)),
                LastExported = reader.GetNullableString(5) is { } exported ? StoredJson.Deserialize<OrderStatusUpdate>(exported) : null,
                ExportedAt = reader.GetNullableInstant(6),
            });
        }

        return entries;
    }

    private async ValueTask WriteAsync(DbConnection db, DbTransaction transaction, OrderStatusOutboxEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.Command(transaction, """
                INSERT INTO order_status_outbox (connection, order_number, sequence, changed_at, handled_sequence, exported_sequence, latest_json, last_exported_json, exported_at)
                VALUES (@connection, @number, @sequence, @changed, @handled, @exported, @latest, @lastExported, @exportedAt)
                ON CONFLICT (connection, order_number) DO UPDATE SET
                    sequence = excluded.sequence, changed_at = excluded.changed_at, handled_sequence = excluded.handled_sequence,
                    exported_sequence = excluded.exported_sequence, latest_json = excluded.latest_json,
                    last_exported_json = excluded.last_exported_json, exported_at = excluded.exported_at;
                """)
            .With("@connection", entry.Connection.Value)
            .With("@number", entry.OrderNumber)
            .With("@sequence", entry.Sequence)
            .With("@changed", entry.ChangedAt.ToStored())
            .With("@handled", entry.HandledSequence)
            .With("@exported", entry.ExportedSequence)
            .With("@exportedAt", entry.ExportedAt);
        database.Dialect.WithJson(command, "@latest", StoredJson.Serialize(entry.Latest));
        database.Dialect.WithJson(command, "@lastExported", entry.LastExported is null ? null : StoredJson.Serialize(entry.LastExported));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
