using System.Diagnostics.Metrics;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Hosting;

/// <summary>The scheduler's instruments on the package's meter.</summary>
internal sealed class HostingMetrics
{
    // Without a meter factory in DI (a host that never called AddMetrics) every provider shares one meter.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(HostingDiagnostics.SourceName, HostingDiagnostics.Version));

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _planningFailures;
    private readonly Counter<long> _claimsSkipped;
    private readonly Counter<long> _plans;

    public HostingMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(HostingDiagnostics.SourceName, HostingDiagnostics.Version) ?? SharedMeter.Value;
        _runs = meter.CreateCounter<long>("connect_sdk.hosting.runs", "{run}", "Work items the scheduler ran, by kind and outcome.");
        _duration = meter.CreateHistogram<double>("connect_sdk.hosting.run.duration", "s", "How long the scheduler's runs took, by kind and outcome.");
        _planningFailures = meter.CreateCounter<long>("connect_sdk.hosting.planning.failures", "{failure}", "Times asking the engine what is due failed.");
        _claimsSkipped = meter.CreateCounter<long>(
            "connect_sdk.hosting.claims.skipped",
            "{item}",
            "Due work items the scheduler had a free slot for but did not claim: another worker held their connection.");
        _plans = meter.CreateCounter<long>("connect_sdk.hosting.plans", "{plan}", "Times the scheduler read what is due from every connection's schedules.");
    }

    /// <summary>Records one run; <paramref name="outcome"/> is a <see cref="WorkRunOutcome"/> name, or <see cref="RunEnd.Cancelled"/> / <see cref="RunEnd.Error"/>.</summary>
    public void RunEnded(WorkKind kind, string outcome, TimeSpan elapsed)
    {
        var kindTag = new KeyValuePair<string, object?>("connect_sdk.work_kind", kind.ToString());
        var outcomeTag = new KeyValuePair<string, object?>("connect_sdk.outcome", outcome);
        _runs.Add(1, kindTag, outcomeTag);
        _duration.Record(elapsed.TotalSeconds, kindTag, outcomeTag);
    }

    public void PlanningFailed() => _planningFailures.Add(1);

    public void ClaimsSkipped(int items) => _claimsSkipped.Add(items);

    public void Planned() => _plans.Add(1);
}
