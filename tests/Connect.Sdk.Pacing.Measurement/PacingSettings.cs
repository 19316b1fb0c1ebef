using System.Globalization;

namespace Connect.Sdk.Pacing.Measurement;

/// <summary>The options of both verbs, as <c>--name value</c> pairs; each has a default fit for the measurement.</summary>
public sealed class PacingSettings
{
    private readonly Dictionary<string, string> _values;

    private PacingSettings(Dictionary<string, string> values) => _values = values;

    /// <summary>The marketplace's burst.</summary>
    public int Burst => Int("burst", 40);

    /// <summary>The marketplace's sustained rate per second.</summary>
    public double Rate => double.Parse(Text("rate", "100"), CultureInfo.InvariantCulture);

    /// <summary>Writes per scenario, all processes together.</summary>
    public int Writes => Int("writes", 2000);

    /// <summary>The requests in flight to compare, per client.</summary>
    public IReadOnlyList<int> InFlight => [.. Text("in-flight", "1,8,32").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    /// <summary>The scenarios to run, in order; those named <c>-before</c> run the <see cref="BeforeWriter"/>.</summary>
    public IReadOnlyList<string> Scenarios => Text("scenarios", "baseline,sdk-before,sdk,sdk-two-clients-before,sdk-two-clients,sqlite-two-processes-before,sqlite-two-processes,postgres-two-processes").Split(',');

    /// <summary>Writer: what writes (baseline or sdk).</summary>
    public string Client => Text("client", "sdk");

    /// <summary>Writer: how many HttpClients of one service provider write, each with <see cref="InFlight"/>'s only value in flight.</summary>
    public int Clients => Int("clients", 1);

    /// <summary>Writer: the marketplace's address.</summary>
    public string Url => Text("url", string.Empty);

    /// <summary>Writer: the first write id, so that the processes of one scenario write different ids.</summary>
    public int FirstId => Int("first-id", 0);

    /// <summary>Writer: the Unix milliseconds at which to start, so that the processes of a scenario start together.</summary>
    public long StartAt => long.Parse(Text("start-at", "0"), CultureInfo.InvariantCulture);

    /// <summary>Writer: the shared budget store, <c>sqlite:path</c> or <c>postgres:connection string</c>; none keeps budgets in memory.</summary>
    public string Store => Text("store", string.Empty);

    /// <summary>
    /// Measure: the writer program built on the SDK as it was before a change (<c>--before-writer path.dll</c>), for the
    /// scenarios named with a <c>-before</c> suffix; without it those are skipped.
    /// </summary>
    public string BeforeWriter => Text("before-writer", string.Empty);

    /// <summary>Measure: the PostgreSQL connection string for the PostgreSQL scenario; without it that scenario is skipped.</summary>
    public string Postgres => Text("postgres", Environment.GetEnvironmentVariable("CONNECT_SDK_TEST_POSTGRES") ?? string.Empty);

    /// <summary>Parses <c>--name value</c> pairs.</summary>
    public static PacingSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new PacingSettings(values);
    }

    private int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private string Text(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;
}
