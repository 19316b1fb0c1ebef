using System.Diagnostics.Metrics;
using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Loop_RunFinishes_ObserverGetsTheEnginesResult()
    {
        var observer = new CountingObserver();
        await using var harness = new SchedulerHarness(services: s => s.AddSingleton<IWorkRunObserver>(observer));
        var refused = SchedulerHarness.Item("market-1");
        var expected = new WorkRunResult(refused, WorkRunOutcome.Refused, WorkRunSummary.Empty, "productive mode is off");
        harness.Work.OnRun = _ => expected;
        harness.Work.AddDue(refused);

        await harness.StartAsync();

        Assert.Same(expected, Assert.Single(observer.Results));
    }

    [Fact]
    public async Task Loop_RunsEnd_CountedByKindAndOutcomeWithTheirDuration()
    {
        await using var harness = new SchedulerHarness();
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        using var runs = new MetricCollector<long>(factory, HostingDiagnostics.SourceName, "connect_sdk.hosting.runs");
        using var durations = new MetricCollector<double>(factory, HostingDiagnostics.SourceName, "connect_sdk.hosting.run.duration");
        harness.Work.HoldRuns = true;
        var completed = SchedulerHarness.Item("market-1", WorkKind.OrderImport);
        var failing = SchedulerHarness.Item("market-2", WorkKind.StockSync);
        harness.Work.OnRun = item => item == failing ? new WorkRunResult(item, WorkRunOutcome.Failed, WorkRunSummary.Empty, "marketplace down") : null;
        harness.Work.AddDue(completed, failing);
        await harness.StartAsync();

        await harness.AdvanceAsync(Duration.FromSeconds(3));
        harness.Work.HoldOf(completed).Release();
        await harness.SettleAsync();

        var measurements = runs.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Single(measurements, m => m.Value == 1 && Tagged(m.Tags, "OrderImport", "Completed"));
        Assert.Single(measurements, m => m.Value == 1 && Tagged(m.Tags, "StockSync", "Failed"));
        var importDuration = Assert.Single(durations.GetMeasurementSnapshot(), m => Tagged(m.Tags, "OrderImport", "Completed"));
        Assert.Equal(3.0, importDuration.Value, 3);
    }

    [Fact]
    public async Task Loop_RunCancelledOnShutdown_CountedAsCancelled()
    {
        await using var harness = new SchedulerHarness(o => o.ShutdownGracePeriod = Duration.Zero);
        using var runs = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), HostingDiagnostics.SourceName, "connect_sdk.hosting.runs");
        await harness.StartWithOneHeldRunAsync();

        await harness.StopAsync();

        Assert.True(Tagged(Assert.Single(runs.GetMeasurementSnapshot()).Tags, "StockSync", "Cancelled"));
    }

    [Fact]
    public async Task Loop_RunFinishes_LogsOneLineWithTheResult()
    {
        var logs = new FakeLogCollector();
        await using var harness = new SchedulerHarness(services: s => s.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        var item = SchedulerHarness.Item("market-1", WorkKind.OrderStatusExport);
        harness.Work.AddDue(item);

        await harness.StartAsync();

        var line = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 7001);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains(item.ToString(), line.Message, StringComparison.Ordinal);
        Assert.Contains("Completed", line.Message, StringComparison.Ordinal);
    }

    private static bool Tagged(IReadOnlyDictionary<string, object?> tags, string kind, string outcome) =>
        Equals(tags["connect_sdk.work_kind"], kind) && Equals(tags["connect_sdk.outcome"], outcome);
}
