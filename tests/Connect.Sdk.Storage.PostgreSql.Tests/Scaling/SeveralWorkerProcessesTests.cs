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

    // Guards against a hang only, one for the whole test so that it says why before CI's hang guard (20 min) stops the
    // test host; no wait's length is judged by it. Five processes on a loaded 2-core machine are slow.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(6);

    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly List<ScalingProcess> _processes = [];
    private ScalingProcess? _killed;

    [Fact]
    public async Task FourWorkers_OneKilledMidRun_EveryOrderBookedOnceNoRunOverlapsAndItsConnectionsPickedUpWithinTheLease()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        var ct = deadline.Token;

        // The processes pool their connections; the test's own are not pooled, so dropping the database finds none idle.
        var database = new NpgsqlConnectionStringBuilder(await _databases.ConnectionStringAsync()) { Pooling = true, MaxPoolSize = 15 }.ToString();
        Start("marketplace", database, "marketplace",
            "--connections", Text(Connections), "--orders", Text(Waves), "--feed-after-ready", "1", "--wave-ms", "2000", "--latency-ms", "20");
        await UntilAsync(database, "SELECT 'ready' FROM scaling_progress WHERE step = 'ready'", "the marketplace process's connections", ct);
        var workers = Enumerable.Range(1, Workers).Select(i => Start("worker-" + Text(i), database, "worker",
            "--worker-id", "worker-" + Text(i), "--max-concurrent-runs", "8",
            "--lease-seconds", Text((int)LeaseDuration.TotalSeconds), "--poll-seconds", Text((int)PollInterval.TotalSeconds))).ToList();

        // The moment comes from the run table: every worker has run, orders are being booked, and the victim has runs in
        // flight. It is frozen (SIGSTOP) before its runs are read, so none can end between that read and the kill; a
        // worker found with nothing in flight once frozen goes on, and the next moment is waited for.
        ScalingProcess victim;
        List<RecordedRun> inFlight;
        while (true)
        {
            var candidateId = await UntilAsync(
                database,
                """
                SELECT worker_id FROM scaling_runs
                WHERE ended_at IS NULL AND worker_id LIKE 'worker-%'
                  AND (SELECT count(DISTINCT worker_id) FROM scaling_runs WHERE worker_id LIKE 'worker-%') = 4
                  AND EXISTS (SELECT 1 FROM scaling_bookings)
                GROUP BY worker_id ORDER BY count(*) DESC LIMIT 1
                """,
                "runs in flight in all four workers while orders are booked",
                ct);
            var candidate = workers.Single(w => w.Name == candidateId);
            await WithinDeadlineAsync(() => candidate.PauseAsync(ct), $"freezing {candidateId}", ct);
            var running = await ReadRunsAsync(database, $"""
                SELECT r.lease_key, r.worker_id, r.started_at, r.ended_at, r.unrun,
                       (SELECT to_timestamp(l.expires_at / 10000000.0) FROM work_leases l WHERE l.lease_key = r.lease_key AND l.last_token = r.lease_token)
                FROM scaling_runs r WHERE r.worker_id = '{candidateId}' AND r.ended_at IS NULL
                """, ct);
            if (running.Count > 0)
            {
                (victim, inFlight) = (candidate, running);
                break;
            }

            await WithinDeadlineAsync(() => candidate.ResumeAsync(ct), $"resuming {candidateId}", ct);
        }

        var victimId = victim.Name;
        _killed = victim;
        await WithinDeadlineAsync(() => victim.KillAsync(ct), $"killing {victimId}", ct);
        var killedAt = await ScalarAsync<DateTime>(database, "SELECT clock_timestamp()", ct);

        // A lease no longer under the run's token had lapsed before the kill; its latest possible expiry stands in for it.
        inFlight = inFlight.Select(run => run.LeaseExpiresAt is null ? run with { LeaseExpiresAt = killedAt + LeaseDuration } : run).ToList();

        var keys = string.Join(", ", inFlight.Select(r => $"'{r.Key}'"));
        await UntilAsync(
            database,
            $"""
            SELECT 'done' WHERE EXISTS (SELECT 1 FROM scaling_progress WHERE step = 'fed')
              AND (SELECT count(DISTINCT (connection_id, order_number)) FROM scaling_bookings) >= (SELECT count(*) FROM scaling_orders)
              AND (SELECT count(DISTINCT lease_key) FROM scaling_runs WHERE lease_key IN ({keys}) AND worker_id <> '{victimId}' AND started_at > '{killedAt:O}' AND NOT unrun) = {inFlight.Count}
            """,
            "every order booked and the killed worker's connections run again",
            ct);
        foreach (var process in _processes.Where(p => p != victim))
        {
            Assert.Equal(0, await WithinDeadlineAsync(() => process.StopAsync(ct), $"stopping {process.Name}", ct));
        }

        var notBookedOnce = await ReadTextAsync(database, """
            SELECT o.connection_id || ' ' || o.order_number || ': booked ' || count(b.id) || ' times'
            FROM scaling_orders o LEFT JOIN scaling_bookings b USING (connection_id, order_number)
            GROUP BY o.connection_id, o.order_number HAVING count(b.id) <> 1
            UNION ALL
            SELECT b.connection_id || ' ' || b.order_number || ': booked but never placed'
            FROM scaling_bookings b WHERE NOT EXISTS (SELECT 1 FROM scaling_orders o WHERE o.connection_id = b.connection_id AND o.order_number = b.order_number)
            """, ct);
        Assert.Empty(notBookedOnce);
        Assert.Equal(Connections * Waves, await ScalarAsync<long>(database, "SELECT count(*) FROM scaling_bookings", ct));

        var runs = await ReadRunsAsync(database, $"""
            SELECT r.lease_key, r.worker_id, r.started_at, r.ended_at, r.unrun, NULL::timestamptz FROM scaling_runs r WHERE r.worker_id LIKE 'worker-%'
            """, ct);
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

        // A lapsed lease is taken over at a survivor's next claim that has a free slot for it: after at most the poll
        // interval, one planning pass and the claim. How long that took here is read from the survivors' own claims (the
        // longest time between two claims of one survivor, from the kill to the last takeover), not assumed, so a slow
        // machine widens the bound and a takeover that waited for anything else (another lease period) still fails it.
        var takeovers = inFlight.Select(killed => (Killed: killed, Next: lasting
            .Where(run => run.Key == killed.Key && run.Worker != victimId && run.StartedAt > killedAt && !run.Unrun)
            .MinBy(run => run.StartedAt)!)).ToList();
        var lastTakeover = takeovers.Max(t => t.Next.StartedAt);
        var claims = await ReadClaimsAsync(database, victimId, lastTakeover, ct);
        Assert.True(claims.Count > 0, "The survivors never claimed work through the lease store's TryClaimAsync (FOR UPDATE SKIP LOCKED).");
        var pass = claims.GroupBy(claim => claim.Worker)
            .SelectMany(worker => worker.Zip(worker.Skip(1), (before, after) => (Gap: after.At - before.At, after.At)))
            .Where(gap => gap.At > killedAt)
            .Select(gap => gap.Gap)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        Assert.True(pass < LeaseDuration, $"A survivor went {pass.TotalSeconds:F1} s between two claims after the kill, longer than the lease ({LeaseDuration.TotalSeconds} s).");
        foreach (var (killed, next) in takeovers)
        {
            var expiredAt = killed.LeaseExpiresAt!.Value;
            Assert.True(
                next.StartedAt - expiredAt <= pass,
                $"{killed.Key} ran again {(next.StartedAt - expiredAt).TotalSeconds:F1} s after its lease expired ({next}), {(expiredAt - killedAt).TotalSeconds:F1} s after the kill; "
                + $"the survivors claimed at least every {pass.TotalSeconds:F1} s (poll interval {PollInterval.TotalSeconds} s and a planning pass), and "
                + $"{lasting.Count(run => run.StartedAt > expiredAt && run.StartedAt < next.StartedAt && !run.Unrun)} other runs started in between");
        }

        var repeated = await ScalarAsync<long>(database, "SELECT count(*) FROM scaling_handovers WHERE repeated", ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs.Count(run => !run.Unrun)} runs and {runs.Count(run => run.Unrun)} claims given back unrun, {Connections * Waves} orders booked once each, {repeated} repeated hand-overs answered from the first booking; "
            + $"{victimId} killed with {inFlight.Count} runs in flight, whose leases expired {string.Join(", ", inFlight.Select(k => (k.LeaseExpiresAt!.Value - killedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s after it "
            + $"and which ran again {string.Join(", ", takeovers.Select(t => (t.Next.StartedAt - killedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s after it; "
            + $"the survivors claimed at least every {pass.TotalSeconds:F1} s"));
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

    private static async Task<T> WithinDeadlineAsync<T>(Func<Task<T>> step, string phase, CancellationToken deadline)
    {
        try
        {
            return await step();
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The test's deadline ({Deadline}) passed while {phase}.", e);
        }
    }

    private static async Task WithinDeadlineAsync(Func<Task> step, string phase, CancellationToken deadline) =>
        await WithinDeadlineAsync(async () => { await step(); return true; }, phase, deadline);

    private Task<string> UntilAsync(string database, string sql, string what, CancellationToken deadline) =>
        ScalingWait.UntilAsync(
            database,
            async (connection, cancellationToken) =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                try
                {
                    return await command.ExecuteScalarAsync(cancellationToken) as string;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
                {
                    return null;   // The marketplace process has not created the proof's tables yet.
                }
            },
            $"{what} (within the test's deadline of {Deadline})",
            () => _processes.FirstOrDefault(p => p.HasExited && p != _killed) is { } gone ? $"{gone.Name} ended:\n{gone.Output}" : null,
            deadline);

    private static async Task<T> ScalarAsync<T>(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<string>> ReadTextAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static async Task<List<RecordedRun>> ReadRunsAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RecordedRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RecordedRun(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetDateTime(2),
                reader.IsDBNull(3) ? null : reader.GetDateTime(3),
                reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetDateTime(5)));
        }

        return runs;
    }

    // The claims of every worker but the killed one up to the given moment, in order: the times between them are the survivors' passes.
    private static async Task<List<(string Worker, DateTime At)>> ReadClaimsAsync(string database, string victimId, DateTime until, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT worker_id, at FROM scaling_claims WHERE worker_id <> $1 AND at <= $2 ORDER BY worker_id, at", connection);
        command.Parameters.AddWithValue(victimId);
        command.Parameters.AddWithValue(until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claims = new List<(string, DateTime)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add((reader.GetString(0), reader.GetDateTime(1)));
        }

        return claims;
    }

    /// <summary>
    /// A run as a worker recorded it (or a claim given back unrun); a killed worker's run in flight lasts until its lease expired.
    /// </summary>
    private sealed record RecordedRun(string Key, string Worker, DateTime StartedAt, DateTime? EndedAt, bool Unrun, DateTime? LeaseExpiresAt);
}
