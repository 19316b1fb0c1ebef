using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class TimingTests
{
    [Fact]
    public async Task Loop_RequestArrivesWhileIdle_IsStartedAtTheNextPoll()
    {
        await using var harness = new SchedulerHarness(o => o.PollInterval = Duration.FromSeconds(10));
        await harness.StartAsync();
        var item = SchedulerHarness.Item("market-1");

        harness.Work.AddDue(item);
        await harness.AdvanceAsync(Duration.FromSeconds(9));
        Assert.Empty(harness.Work.Started);

        await harness.AdvanceAsync(Duration.FromSeconds(1));
        Assert.Equal(SchedulerHarness.Start + Duration.FromSeconds(10), Assert.Single(harness.Work.Started).At);
    }

    [Fact]
    public async Task Loop_NextDueBeforeThePoll_AsksAgainAtTheNextDueTime()
    {
        await using var harness = new SchedulerHarness(o => o.PollInterval = Duration.FromMinutes(1));
        harness.Work.NextDueAt = SchedulerHarness.Start + Duration.FromSeconds(5);
        await harness.StartAsync();
        var callsAtStart = harness.Work.PlanCalls;

        await harness.AdvanceAsync(Duration.FromSeconds(4));
        Assert.Equal(callsAtStart, harness.Work.PlanCalls);

        await harness.AdvanceAsync(Duration.FromSeconds(1));
        Assert.Equal(callsAtStart + 1, harness.Work.PlanCalls);
    }

    [Fact]
    public async Task Loop_NothingScheduled_AsksOncePerPollInterval()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromSeconds(10);
            o.AlertDispatchInterval = Duration.FromHours(1);
        });
        await harness.StartAsync();
        var callsAtStart = harness.Work.PlanCalls;

        await harness.AdvanceAsync(Duration.FromSeconds(60));

        Assert.Equal(callsAtStart + 6, harness.Work.PlanCalls);
    }

    [Fact]
    public async Task Loop_AlertDispatchInterval_DispatchesAtStartAndOncePerInterval()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromSeconds(10);
            o.AlertDispatchInterval = Duration.FromSeconds(45);
        });

        await harness.StartAsync();
        Assert.Equal(1, harness.Work.AlertDispatches);

        await harness.AdvanceAsync(Duration.FromSeconds(44));
        Assert.Equal(1, harness.Work.AlertDispatches);

        await harness.AdvanceAsync(Duration.FromSeconds(1));
        Assert.Equal(2, harness.Work.AlertDispatches);

        await harness.AdvanceAsync(Duration.FromSeconds(45));
        Assert.Equal(3, harness.Work.AlertDispatches);
    }

    [Fact]
    public async Task Loop_ScheduledWorkDueLater_WaitsForItsSpreadStartNotThePoll()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromMinutes(10);
            o.StartSpread = Duration.FromSeconds(30);
        });
        var item = SchedulerHarness.Item("market-4", WorkKind.StockReconcile, SyncTrigger.Scheduled);
        var offset = StartSpread.OffsetOf(item, Duration.FromSeconds(30));
        Assert.True(offset > Duration.Zero, "The test needs an item with a non-zero offset.");
        harness.Work.AddDue(item);

        await harness.StartAsync();
        Assert.Empty(harness.Work.Started);

        await harness.AdvanceAsync(offset);
        Assert.Equal(SchedulerHarness.Start + offset, Assert.Single(harness.Work.Started).At);
    }

    [Fact]
    public async Task Loop_WorkNoLongerDueBeforeItsSpreadStart_IsNotStarted()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromSeconds(1);
            o.StartSpread = Duration.FromSeconds(30);
        });
        var item = SchedulerHarness.Item("market-4", WorkKind.StockReconcile, SyncTrigger.Scheduled);
        var offset = StartSpread.OffsetOf(item, Duration.FromSeconds(30));
        Assert.True(offset > Duration.FromSeconds(1), "The test needs an item whose start is after the first poll.");
        harness.Work.AddDue(item);
        await harness.StartAsync();

        // Another worker ran it meanwhile: the next plan no longer lists it.
        harness.Work.Clear();
        await harness.AdvanceAsync(offset + Duration.FromSeconds(1));

        Assert.Empty(harness.Work.Started);
    }
}
