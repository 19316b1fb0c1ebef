using System.Globalization;
using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// Runs the same work with each number of worker processes in turn: a fresh database, the marketplace process with
/// every order placed before the workers start and a fetch requested per connection (orders only: the same work
/// each time, without the stock syncs every 10 seconds that would compete for the runs), then the workers until every order is booked. Orders booked per
/// second and runs per second are counted on the database's clock from the first run's start to the last booking,
/// and printed as a table. <c>tests/scaling/measure-throughput.sh</c> starts it.
/// </summary>
internal static class ThroughputMeasurement
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(ScalingSettings settings)
    {
        var server = ScalingSettings.Database;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Connections} connections, {settings.OrdersPerConnection} orders each, fake latency {settings.LatencyMilliseconds} ms a request, MaxConcurrentRuns {settings.MaxConcurrentRuns} a worker, {Environment.ProcessorCount} processors"));
        var rows = new List<string> { "| workers | orders | seconds | orders/s | runs | runs/s | speed-up |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |" };
        double? baseline = null;
        foreach (var workers in settings.WorkerCounts)
        {
            var (orders, seconds, runs) = await MeasureAsync(server, settings, workers);
            var perSecond = orders / seconds;
            baseline ??= perSecond;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {workers} | {orders} | {seconds:F1} | {perSecond:F1} | {runs} | {runs / seconds:F1} | {perSecond / baseline:F2}× |"));
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<(long Orders, double Seconds, long Runs)> MeasureAsync(string server, ScalingSettings settings, int workers)
    {
        var name = "connect_sdk_scaling_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ToString();
        var processes = new List<ScalingProcess>();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            var marketplace = ScalingProcess.Start("marketplace", database, "marketplace",
                "--connections", Text(settings.Connections), "--orders", Text(settings.OrdersPerConnection), "--latency-ms", Text(settings.LatencyMilliseconds), "--stock", "0");
            processes.Add(marketplace);
            string? Broken() => processes.FirstOrDefault(p => p.HasExited) is { } gone ? $"{gone.Name} ended:\n{gone.Output}" : null;
            await ScalingWait.UntilAsync(database, (c, ct) => ScalarAsync(c, "SELECT 'ready' FROM scaling_progress WHERE step = 'ready'", ct), "the marketplace process", Broken, patience.Token);
            for (var i = 1; i <= workers; i++)
            {
                processes.Add(ScalingProcess.Start("worker-" + Text(i), database, "worker",
                    "--worker-id", "worker-" + Text(i), "--max-concurrent-runs", Text(settings.MaxConcurrentRuns),
                    "--lease-seconds", Text(settings.LeaseSeconds), "--poll-seconds", Text(settings.PollSeconds)));
            }

            await ScalingWait.UntilAsync(
                database,
                (c, ct) => ScalarAsync(c, "SELECT 'booked' WHERE (SELECT count(DISTINCT (connection_id, order_number)) FROM scaling_bookings) >= (SELECT count(*) FROM scaling_orders)", ct),
                "every order booked",
                Broken,
                patience.Token);
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                WITH span AS (SELECT (SELECT min(started_at) FROM scaling_runs WHERE NOT unrun) AS t0, (SELECT max(booked_at) FROM scaling_bookings) AS t1)
                SELECT (SELECT count(*) FROM scaling_bookings), extract(epoch FROM t1 - t0)::float8,
                       (SELECT count(*) FROM scaling_runs, span s WHERE started_at <= s.t1 AND NOT unrun)
                FROM span
                """,
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2));
        }
        finally
        {
            foreach (var process in processes)
            {
                using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                try
                {
                    await process.StopAsync(guard.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Error.WriteLine($"{process.Name} did not stop in time; killed.");
                }

                await process.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
