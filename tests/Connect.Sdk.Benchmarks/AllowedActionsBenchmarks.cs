using BenchmarkDotNet.Attributes;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;

namespace Connect.Sdk.Benchmarks;

/// <summary>
/// The allowed-actions decision runs before every piece of sync work, so it must stay cheap and allocation-light.
/// </summary>
[MemoryDiagnoser]
public class AllowedActionsBenchmarks
{
    private static readonly ActionSituation Productive =
        new(true, true, FeatureMode.Integration, ImportMode.Automatic, FeatureKind.Stock, SyncTrigger.Scheduled);

    private static readonly ActionSituation Refused =
        new(false, false, FeatureMode.Off, ImportMode.Demo, FeatureKind.Orders, SyncTrigger.Event);

    [Benchmark(Baseline = true)]
    public ActionDecision DecideProductiveScheduledStock() => AllowedActions.Decide(Productive);

    [Benchmark]
    public ActionDecision DecideRefusedAtFirstRule() => AllowedActions.Decide(Refused);
}
