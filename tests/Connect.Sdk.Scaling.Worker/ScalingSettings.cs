using System.Globalization;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The command line of the programs (<c>--name value</c> pairs after the verb) and the database from the environment
/// variable <see cref="DatabaseVariable"/>, so that the password does not show in a process list.
/// </summary>
public sealed class ScalingSettings
{
    /// <summary>The environment variable with the Npgsql connection string of the database every process shares.</summary>
    public const string DatabaseVariable = "CONNECT_SDK_SCALING_POSTGRES";

    private readonly Dictionary<string, string> _values;

    private ScalingSettings(Dictionary<string, string> values) => _values = values;

    /// <summary>The number of connections, each with its own fake Basar.</summary>
    public int Connections => Int("connections", 200);

    /// <summary>Orders per connection.</summary>
    public int OrdersPerConnection => Int("orders", 3);

    /// <summary>How long the fakes take to answer each request, in milliseconds.</summary>
    public int LatencyMilliseconds => Int("latency-ms", 20);

    /// <summary>Whether the marketplace process places its orders in waves after it reported ready, instead of before.</summary>
    public bool FeedAfterReady => Int("feed-after-ready", 0) == 1;

    /// <summary>Whether the connections sync stock too (every 10 seconds and on each wave's stock change), not only orders.</summary>
    public bool WithStock => Int("stock", 1) == 1;

    /// <summary>The pause between two waves of orders, in milliseconds.</summary>
    public int WaveMilliseconds => Int("wave-ms", 2000);

    /// <summary>The worker's id.</summary>
    public string WorkerId => _values.TryGetValue("worker-id", out var id) ? id : "worker-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hosted scheduler's <c>MaxConcurrentRuns</c>.</summary>
    public int MaxConcurrentRuns => Int("max-concurrent-runs", 8);

    /// <summary>The SDK's <c>LeaseDuration</c> in seconds (at least 30).</summary>
    public int LeaseSeconds => Int("lease-seconds", 30);

    /// <summary>The hosted scheduler's <c>PollInterval</c> in seconds (at least 1).</summary>
    public int PollSeconds => Int("poll-seconds", 1);

    /// <summary>The worker counts the measurement compares, e.g. <c>1,4</c>.</summary>
    public IReadOnlyList<int> WorkerCounts => (_values.TryGetValue("workers", out var list) ? list : "1,4")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The connection string of the shared database.</summary>
    public static string Database => Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{DatabaseVariable} is not set: the Npgsql connection string of the database the processes share.");

    /// <summary>Reads <c>--name value</c> pairs.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <returns>The settings.</returns>
    public static ScalingSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.", nameof(args));
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new ScalingSettings(values);
    }

    private int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
