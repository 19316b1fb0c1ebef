using System.Diagnostics;
using Connect.Sdk.Diagnostics;
using Connect.Sdk.Sync;
using NodaTime;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The worker's lease store, recording every run in <c>scaling_runs</c>: its start once the lease is held (after the
/// acquisition or the claim returned it) and its end while it is still held (before the release), both on the
/// database's clock. The recorded span lies inside the span the lease was held, so two recorded runs of one connection
/// that overlap mean two processes held its lease at once.
/// </summary>
/// <remarks>
/// The hosted scheduler claims the due work it has slots for in one call (<see cref="TryClaimAsync"/>, PostgreSQL's
/// <c>FOR UPDATE SKIP LOCKED</c>), and the engine runs each claim under its lease and releases it when the run ends.
/// A claim whose item is no longer due is given back at once, unrun: it is recorded with <c>unrun</c> set, so it still
/// counts for the leases' exclusion but not as a run. The two releases are told apart by where they happen: a run's
/// inside the engine's <c>connect_sdk.sync.run</c> activity, a claim given back in the scheduler's claim, outside any.
/// A run that lost its lease releases nothing of another worker's, and its end is recorded all the same.
/// Every claim is recorded in <c>scaling_claims</c> too, even one that won nothing: the times between a worker's claims
/// are how often its scheduler came round to claim (the poll interval, a planning pass, a wait for a free slot).
/// </remarks>
internal sealed class RunRecordingLeaseStore : IWorkLeaseStore, IDisposable
{
    private const string RunActivity = "connect_sdk.sync.run";

    private readonly IWorkLeaseStore _inner;
    private readonly NpgsqlDataSource _dataSource;
    private readonly WorkerIdentity _worker;

    // Without a listener the engine starts no activity, and a run's release could not be told from a claim given back.
    private readonly ActivityListener _runs = new()
    {
        ShouldListenTo = source => source.Name == ConnectSdkDiagnostics.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    public RunRecordingLeaseStore(IWorkLeaseStore inner, NpgsqlDataSource dataSource, WorkerIdentity worker)
    {
        _inner = inner;
        _dataSource = dataSource;
        _worker = worker;
        ActivitySource.AddActivityListener(_runs);
    }

    public async ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var lease = await _inner.TryAcquireAsync(key, owner, now, duration, cancellationToken);
        if (lease is not null)
        {
            await RecordAsync([lease], claim: false, cancellationToken);
        }

        return lease;
    }

    public async ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var leases = await _inner.TryClaimAsync(keys, limit, owner, now, duration, cancellationToken);
        await RecordAsync(leases, claim: true, cancellationToken);
        return leases;
    }

    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken) =>
        _inner.TryRenewAsync(lease, now, duration, cancellationToken);

    public async ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using (var command = _dataSource.CreateCommand(
            "UPDATE scaling_runs SET ended_at = clock_timestamp(), unrun = $4 WHERE lease_key = $1 AND lease_token = $2 AND worker_id = $3 AND ended_at IS NULL"))
        {
            command.Parameters.AddWithValue(lease.Key);
            command.Parameters.AddWithValue(lease.Token);
            command.Parameters.AddWithValue(_worker.Id);
            command.Parameters.AddWithValue(!InsideRun());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await _inner.ReleaseAsync(lease, cancellationToken);
    }

    public void Dispose() => _runs.Dispose();

    private static bool InsideRun()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.OperationName == RunActivity)
            {
                return true;
            }
        }

        return false;
    }

    private async Task RecordAsync(IReadOnlyList<WorkLease> leases, bool claim, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        if (claim)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO scaling_claims (worker_id, claimed) VALUES ($1, $2)");
            command.Parameters.AddWithValue(_worker.Id);
            command.Parameters.AddWithValue(leases.Count);
            batch.BatchCommands.Add(command);
        }

        foreach (var lease in leases)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO scaling_runs (lease_key, lease_token, worker_id, pid) VALUES ($1, $2, $3, $4)");
            command.Parameters.AddWithValue(lease.Key);
            command.Parameters.AddWithValue(lease.Token);
            command.Parameters.AddWithValue(_worker.Id);
            command.Parameters.AddWithValue(_worker.ProcessId);
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
