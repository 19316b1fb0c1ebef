using System.Diagnostics.Metrics;

namespace Connect.Sdk.Http;

/// <summary>The marketplace clients' instruments on the package's meter.</summary>
internal sealed class HttpMetrics
{
    // Without a meter factory in DI (a host that never called AddMetrics) every provider shares one meter.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(HttpDiagnostics.SourceName, HttpDiagnostics.Version));

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _pacingWait;
    private readonly Counter<long> _inDoubt;

    public HttpMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(HttpDiagnostics.SourceName, HttpDiagnostics.Version) ?? SharedMeter.Value;
        _duration = meter.CreateHistogram<double>("connect_sdk.http.request.duration", "s", "Logical marketplace requests (all attempts) by client, operation and outcome.");
        _throttled = meter.CreateCounter<long>("connect_sdk.http.throttled", "{response}", "429 answers, by rate budget account.");
        _pacingWait = meter.CreateHistogram<double>("connect_sdk.http.pacing.wait", "s", "How long attempts waited for their account's rate budget.");
        _inDoubt = meter.CreateCounter<long>("connect_sdk.http.writes_in_doubt", "{write}", "Writes that went out without an answer, by client and operation.");
    }

    public void Completed(string client, string? operation, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, Client(client), Operation(operation), new("connect_sdk.outcome", outcome));

    public void Throttled(string account) => _throttled.Add(1, new KeyValuePair<string, object?>("connect_sdk.account", account));

    public void Paced(string account, TimeSpan waited) =>
        _pacingWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("connect_sdk.account", account));

    public void InDoubt(string client, string? operation) => _inDoubt.Add(1, Client(client), Operation(operation));

    private static KeyValuePair<string, object?> Client(string client) => new("connect_sdk.client", client);

    private static KeyValuePair<string, object?> Operation(string? operation) => new("connect_sdk.operation", operation ?? "unnamed");
}
