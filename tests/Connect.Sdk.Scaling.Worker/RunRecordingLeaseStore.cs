using Connect.Sdk.Sync;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The worker's lease store, recording every run in <c>scaling_runs</c>: its start once the lease is held (after the
/// acquisition returned it) and its end while it is still held (before the release), both on the database's clock.
/// The recorded span lies inside the span the lease was held, so two recorded runs of one connection that overlap
/// mean two processes held its lease at once.
/// </summary>
/// <remarks>
/// The engine takes one lease per run on its connection (<c>connection:{id}</c>) and releases it when the run ends;
/// a run that lost its lease releases nothing of another worker's, and its end is recorded all the same.
/// </remarks>
internal sealed class RunRecordingLeaseStore(IWorkLeaseStore inner, NpgsqlDataSource dataSource, WorkerIdentity worker) : IWorkLeaseStore
{
    public async ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var lease = await inner.TryAcquireAsync(key, owner, now, duration, cancellationToken);
        if (lease is not null)
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO scaling_runs (lease_key, lease_token, worker_id, pid) VALUES ($1, $2, $3, $4)");
            command.Parameters.AddWithValue(lease.Key);
            command.Parameters.AddWithValue(lease.Token);
            command.Parameters.AddWithValue(worker.Id);
            command.Parameters.AddWithValue(worker.ProcessId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return lease;
    }

    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken) =>
        inner.TryRenewAsync(lease, now, duration, cancellationToken);

    public async ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using (var command = dataSource.CreateCommand(
            "UPDATE scaling_runs SET ended_at = clock_timestamp() WHERE lease_key = $1 AND lease_token = $2 AND worker_id = $3 AND ended_at IS NULL"))
        {
            command.Parameters.AddWithValue(lease.Key);
            command.Parameters.AddWithValue(lease.Token);
            command.Parameters.AddWithValue(worker.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await inner.ReleaseAsync(lease, cancellationToken);
    }
}
