using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Loop_EngineThrowsForOneRun_LogsItAndRunsTheOthers()
    {
        var logs = new FakeLogCollector();
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 1, s => s.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        var broken = SchedulerHarness.Item("market-1");
        var healthy = SchedulerHarness.Item("market-2");
        harness.Work.OnRun = item => item == broken ? throw new InvalidOperationException("lease store down") : null;
        harness.Work.AddDue(broken, healthy);

        await harness.StartAsync();

        Assert.Equal([broken, healthy], harness.Work.Started.Select(s => s.Item));
        var threw = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 7004);
        Assert.Equal(LogLevel.Error, threw.Level);
        Assert.IsType<InvalidOperationException>(threw.Exception);
        Assert.Contains("market-1", threw.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_PlanningKeepsFailing_BacksOffDoublingUpToTheMaximum()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromSeconds(10);
            o.MaxPlanningBackoff = Duration.FromSeconds(30);
            o.AlertDispatchInterval = Duration.FromDays(1);
        });
        harness.Work.PlanFailure = call => call <= 4 ? new InvalidOperationException("store down") : null;
        harness.Work.AddDue(SchedulerHarness.Item("market-1"));

        await harness.StartAsync();
        var callTimes = new List<Duration> { Duration.Zero };
        while (harness.Work.PlanCalls < 5)
        {
            var calls = harness.Work.PlanCalls;
            await harness.AdvanceToAsync(harness.Scheduler.Pacer.WaitingUntil!.Value);
            Assert.True(harness.Work.PlanCalls > calls, "Each wait ends with a new attempt.");
            callTimes.Add(harness.Now - SchedulerHarness.Start);
        }

        // Failures at 0, 10 s, 30 s and 60 s (waits of 10, 20, then 30 capped twice); the fifth call succeeds and runs the item.
        Assert.Equal([0, 10, 30, 60, 90], callTimes.Select(t => (int)t.TotalSeconds));
        Assert.Equal(SchedulerHarness.Start + Duration.FromSeconds(90), Assert.Single(harness.Work.Started).At);
    }

    [Fact]
    public async Task Loop_ObserverThrows_OtherObserversAndLaterRunsGoOn()
    {
        var counting = new CountingObserver();
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 1, s =>
        {
            s.AddSingleton<IWorkRunObserver>(new ThrowingObserver());
            s.AddSingleton<IWorkRunObserver>(counting);
        });
        harness.Work.AddDue(SchedulerHarness.Item("market-1"), SchedulerHarness.Item("market-2"));

        await harness.StartAsync();

        Assert.Equal(2, harness.Work.Started.Count);
        Assert.Equal(2, counting.Results.Count);
    }

    [Fact]
    public async Task Loop_AlertDispatchThrows_KeepsSchedulingAndDispatchesAgainNextInterval()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromSeconds(10);
            o.AlertDispatchInterval = Duration.FromSeconds(30);
        });
        harness.Work.AlertFailure = new InvalidOperationException("alert store down");
        await harness.StartAsync();

        harness.Work.AddDue(SchedulerHarness.Item("market-1"));
        await harness.AdvanceAsync(Duration.FromSeconds(30));

        Assert.Single(harness.Work.Started);
        Assert.Equal(2, harness.Work.AlertDispatches);
    }

    private sealed class ThrowingObserver : IWorkRunObserver
    {
        public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer bug");
    }
}
