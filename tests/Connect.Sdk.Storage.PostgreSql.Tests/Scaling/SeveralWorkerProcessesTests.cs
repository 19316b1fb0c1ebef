using System.Globalization;
using Connect.Sdk.Scaling.Worker;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Scaling;

/// <summary>
/// Four worker processes of the hosted scheduler on one PostgreSQL database, 200 connections on fake Basars in a
/// marketplace process, orders and stock changes arriving while they run, one worker killed with SIGKILL while it has
/// runs in flight. Every run's start (once its lease is held) and end (before its release) is recorded by the workers
/// on the database's clock; the ERP's bookings have no unique constraint. See docs/scaling.md.
/// </summary>
[Collection(WorkerProcessesRunAlone.Name)]
public sealed class SeveralWorkerProcessesTests(PostgreSqlServer server) : IAsyncDisposable
{
    private const int Connections = 200;
    private const int Waves = 2;
    private const int Workers = 4;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // A worker notices the lapsed lease at its next plan, and a plan reads every connection's schedule of every kind of
    // work (200 connections × 7 kinds, one read each): on a loaded 2-core machine one pass takes seconds. The pickup is
    // judged against the lease's expiry plus the poll interval plus this pass; the figures are reported either way.
    private static readonly TimeSpan PlanningPass = TimeSpan.FromSeconds(15);

    // Guards against a hang only; no wait's length is judged. Five processes on a loaded 2-core machine are slow.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly List<ScalingProcess> _processes = [];
    private ScalingProcess? _killed;

    [Fact]
    public async Task FourWorkers_OneKilledMidRun_EveryOrderBookedOnceNoRunOverlapsAndItsConnectionsPickedUpWithinTheLease()
    {
        // The processes pool their connections; the test's own are not pooled, so dropping the database finds none idle.
        var database = new NpgsqlConnectionStringBuilder(await _databases.ConnectionStringAsync()) { Pooling = true, MaxPoolSize = 15 }.ToString();
        Start("marketplace", database, "marketplace",
            "--connections", Text(Connections), "--orders", Text(Waves), "--feed-after-ready", "1", "--wave-ms", "2000", "--latency-ms", "20");
        await UntilAsync(database, "SELECT 'ready' FROM scaling_progress WHERE step = 'ready'", "the marketplace process's connections");
        var workers = Enumerable.Range(1, Workers).Select(i => Start("worker-" + Text(i), database, "worker",
            "--worker-id", "worker-" + Text(i), "--max-concurrent-runs", "8",
            "--lease-seconds", Text((int)LeaseDuration.TotalSeconds), "--poll-seconds", Text((int)PollInterval.TotalSeconds))).ToList();

        // The moment comes from the run table: every worker has run, orders are being booked, and the victim has runs in flight.
        var victimId = await UntilAsync(
            database,
            """
            SELECT worker_id FROM scaling_runs
            WHERE ended_at IS NULL AND worker_id LIKE 'worker-%'
              AND (SELECT count(DISTINCT worker_id) FROM scaling_runs WHERE worker_id LIKE 'worker-%') = 4
              AND EXISTS (SELECT 1 FROM scaling_bookings)
            GROUP BY worker_id ORDER BY count(*) DESC LIMIT 1
            """,
            "runs in flight in all four workers while orders are booked");
        var victim = _killed = workers.Single(w => w.Name == victimId);
        using (var guard = new CancellationTokenSource(Patience))
        {
            await victim.KillAsync(guard.Token);
        }

        var killedAt = await ScalarAsync<DateTime>(database, "SELECT clock_timestamp()");
        var inFlight = await ReadRunsAsync(database, $"""
            SELECT r.lease_key, r.worker_id, r.started_at, r.ended_at,
                   (SELECT to_timestamp(l.expires_at / 10000000.0) FROM work_leases l WHERE l.lease_key = r.lease_key AND l.last_token = r.lease_token)
            FROM scaling_runs r WHERE r.worker_id = '{victimId}' AND r.ended_at IS NULL
            """);
        Assert.NotEmpty(inFlight);

        // A lease no longer under the run's token had lapsed before the kill; its latest possible expiry stands in for it.
        inFlight = inFlight.Select(run => run.LeaseExpiresAt is null ? run with { LeaseExpiresAt = killedAt + LeaseDuration } : run).ToList();

        var keys = string.Join(", ", inFlight.Select(r => $"'{r.Key}'"));
        await UntilAsync(
            database,
            $"""
            SELECT 'done' WHERE EXISTS (SELECT 1 FROM scaling_progress WHERE step = 'fed')
              AND (SELECT count(DISTINCT (connection_id, order_number)) FROM scaling_bookings) >= (SELECT count(*) FROM scaling_orders)
              AND (SELECT count(DISTINCT lease_key) FROM scaling_runs WHERE lease_key IN ({keys}) AND worker_id <> '{victimId}' AND started_at > '{killedAt:O}') = {inFlight.Count}
            """,
            "every order booked and the killed worker's connections run again");
        foreach (var process in _processes.Where(p => p != victim))
        {
            using var guard = new CancellationTokenSource(Patience);
            Assert.Equal(0, await process.StopAsync(guard.Token));
        }

        var notBookedOnce = await ReadTextAsync(database, """
            SELECT o.connection_id || ' ' || o.order_number || ': booked ' || count(b.id) || ' times'
            FROM scaling_orders o LEFT JOIN scaling_bookings b USING (connection_id, order_number)
            GROUP BY o.connection_id, o.order_number HAVING count(b.id) <> 1
            UNION ALL
            SELECT b.connection_id || ' ' || b.order_number || ': booked but never placed'
            FROM scaling_bookings b WHERE NOT EXISTS (SELECT 1 FROM scaling_orders o WHERE o.connection_id = b.connection_id AND o.order_number = b.order_number)
            """);
        Assert.Empty(notBookedOnce);
        Assert.Equal(Connections * Waves, await ScalarAsync<long>(database, "SELECT count(*) FROM scaling_bookings"));

        var runs = await ReadRunsAsync(database, $"""
            SELECT r.lease_key, r.worker_id, r.started_at, r.ended_at, NULL::timestamptz FROM scaling_runs r WHERE r.worker_id LIKE 'worker-%'
            """);
        var lasting = runs.Select(run => run.EndedAt is null && run.Worker == victimId
            ? run with { EndedAt = inFlight.SingleOrDefault(f => f.Key == run.Key && f.StartedAt == run.StartedAt)?.LeaseExpiresAt }
            : run).ToList();
        Assert.All(lasting, run => Assert.True(run.EndedAt is not null, $"{run} never ended although its worker stopped gracefully"));
        var overlaps = lasting.GroupBy(run => run.Key)
            .SelectMany(key => key.OrderBy(run => run.StartedAt).Zip(key.OrderBy(run => run.StartedAt).Skip(1)))
            .Where(pair => pair.Second.StartedAt < pair.First.EndedAt)
            .Select(pair => $"{pair.First} overlaps {pair.Second}")
            .ToList();
        Assert.Empty(overlaps);

        foreach (var killed in inFlight)
        {
            var next = lasting.Where(run => run.Key == killed.Key && run.Worker != victimId && run.StartedAt > killedAt).MinBy(run => run.StartedAt)!;
            Assert.True(
                next.StartedAt - killedAt <= LeaseDuration + PollInterval + PlanningPass,
                $"{killed.Key} ran again {(next.StartedAt - killedAt).TotalSeconds:F1} s after the kill ({next}), its lease expired {(killed.LeaseExpiresAt!.Value - killedAt).TotalSeconds:F1} s after it, "
                + $"{lasting.Count(run => run.StartedAt > killed.LeaseExpiresAt && run.StartedAt < next.StartedAt)} other runs started in between; the lease lasts {LeaseDuration.TotalSeconds} s, the poll interval is {PollInterval.TotalSeconds} s, a planning pass is allowed {PlanningPass.TotalSeconds} s");
        }

        var repeated = await ScalarAsync<long>(database, "SELECT count(*) FROM scaling_handovers WHERE repeated");
        var pickups = inFlight.Select(k => (lasting.Where(r => r.Key == k.Key && r.Worker != victimId && r.StartedAt > killedAt).Min(r => r.StartedAt) - killedAt).TotalSeconds);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs.Count} runs, {Connections * Waves} orders booked once each, {repeated} repeated hand-overs answered from the first booking; {victimId} killed with {inFlight.Count} runs in flight, picked up {string.Join(", ", pickups.Select(p => p.ToString("F1", CultureInfo.InvariantCulture)))} s after the kill, their leases expired {string.Join(", ", inFlight.Select(k => (k.LeaseExpiresAt!.Value - killedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s after it"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await _databases.DisposeAsync();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private ScalingProcess Start(string name, string database, string verb, params string[] arguments)
    {
        var process = ScalingProcess.Start(name, database, verb, arguments);
        _processes.Add(process);
        return process;
    }

    private Task<string> UntilAsync(string database, string sql, string what) =>
        ScalingWait.UntilAsync(
            database,
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                try
                {
                    return await command.ExecuteScalarAsync() as string;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
                {
                    return null;   // The marketplace process has not created the proof's tables yet.
                }
            },
            what,
            Patience,
            () => _processes.FirstOrDefault(p => p.HasExited && p != _killed) is { } gone ? $"{gone.Name} ended:\n{gone.Output}" : null);

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ReadTextAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static async Task<List<RecordedRun>> ReadRunsAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<RecordedRun>();
        while (await reader.ReadAsync())
        {
            runs.Add(new RecordedRun(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetDateTime(2),
                reader.IsDBNull(3) ? null : reader.GetDateTime(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4)));
        }

        return runs;
    }

    /// <summary>A run as a worker recorded it; a killed worker's run in flight lasts until its lease expired.</summary>
    private sealed record RecordedRun(string Key, string Worker, DateTime StartedAt, DateTime? EndedAt, DateTime? LeaseExpiresAt);
}
