using Connect.Sdk.Orders;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The ERP's order book in <c>scaling_bookings</c>. Idempotent on the hand-over's key, as the SDK asks of a sink (a
/// worker killed after the ERP booked an order but before the ledger recorded it hands it over again, and gets the
/// first booking back), but by a read before the insert and without a unique constraint: two processes handing one
/// order over at the same time book it twice, which is what the process test looks for. Every hand-over is logged in
/// <c>scaling_handovers</c>, a repeat marked as such.
/// </summary>
internal sealed class DatabaseOrderSink(NpgsqlDataSource dataSource, WorkerIdentity worker) : IOrderSink
{
    public async ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        var existing = await FindAsync(handOver.IdempotencyKey, cancellationToken);
        var bookingId = existing ?? await BookAsync(handOver, cancellationToken);
        await using var log = dataSource.CreateCommand(
            "INSERT INTO scaling_handovers (idempotency_key, booking_id, repeated, worker_id) VALUES ($1, $2, $3, $4)");
        log.Parameters.AddWithValue(handOver.IdempotencyKey);
        log.Parameters.AddWithValue(bookingId);
        log.Parameters.AddWithValue(existing is not null);
        log.Parameters.AddWithValue(worker.Id);
        await log.ExecuteNonQueryAsync(cancellationToken);
        return new ErpOrderReference("ERP-" + bookingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<long?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT min(id) FROM scaling_bookings WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(idempotencyKey);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private async Task<long> BookAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO scaling_bookings (connection_id, order_number, idempotency_key, worker_id, pid) VALUES ($1, $2, $3, $4, $5) RETURNING id");
        command.Parameters.AddWithValue(handOver.Connection.Value);
        command.Parameters.AddWithValue(handOver.Order.OrderNumber);
        command.Parameters.AddWithValue(handOver.IdempotencyKey);
        command.Parameters.AddWithValue(worker.Id);
        command.Parameters.AddWithValue(worker.ProcessId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
