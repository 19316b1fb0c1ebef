using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class ShutdownTests
{
    private static readonly Duration Grace = Duration.FromSeconds(15);

    [Fact]
    public async Task StopAsync_RunEndsWithinGrace_FinishesUncancelled()
    {
        await using var harness = new SchedulerHarness(o => o.ShutdownGracePeriod = Grace);
        var hold = await harness.StartWithOneHeldRunAsync();

        var stopped = harness.StopAsync();
        await harness.AdvanceAsync(Grace - Duration.FromSeconds(1));
        Assert.False(stopped.IsCompleted);

        hold.Release();
        await stopped;

        Assert.False(hold.WasCancelled);
        Assert.Equal(SchedulerHarness.Start + Grace - Duration.FromSeconds(1), harness.Now);
    }

    [Fact]
    public async Task StopAsync_RunOutlastsGrace_IsCancelledWhenGraceEnds()
    {
        await using var harness = new SchedulerHarness(o => o.ShutdownGracePeriod = Grace);
        var hold = await harness.StartWithOneHeldRunAsync();

        var stopped = harness.StopAsync();
        await harness.AdvanceAsync(Grace - Duration.FromMilliseconds(1));
        Assert.False(hold.WasCancelled);
        Assert.False(stopped.IsCompleted);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await stopped;

        Assert.True(hold.WasCancelled);
    }

    [Fact]
    public async Task StopAsync_MoreWorkDue_StartsNothingNewWhileDraining()
    {
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 1);
        harness.Work.HoldRuns = true;
        var first = SchedulerHarness.Item("market-1");
        harness.Work.AddDue(first, SchedulerHarness.Item("market-2"));
        await harness.StartAsync();
        var plansBeforeStop = harness.Work.PlanCalls;

        var stopped = harness.StopAsync();
        await harness.SettleAsync();
        harness.Work.HoldOf(first).Release();
        await stopped;

        Assert.Equal(first, Assert.Single(harness.Work.Started).Item);
        Assert.Equal(plansBeforeStop, harness.Work.PlanCalls);
    }

    [Fact]
    public async Task StopAsync_HostShutdownTimeoutBeforeGrace_CancelsRunsAtOnce()
    {
        await using var harness = new SchedulerHarness(o => o.ShutdownGracePeriod = Duration.FromMinutes(5));
        var hold = await harness.StartWithOneHeldRunAsync();
        using var hostGivesUp = new CancellationTokenSource();

        var stopped = harness.Scheduler.StopAsync(hostGivesUp.Token);
        await harness.SettleAsync();
        await hostGivesUp.CancelAsync();
        await stopped;
        await harness.Scheduler.ExecuteTask!;

        Assert.True(hold.WasCancelled);
    }

    [Fact]
    public async Task StopAsync_NothingInFlight_StopsWithoutWaiting()
    {
        await using var harness = new SchedulerHarness(o => o.ShutdownGracePeriod = Grace);
        await harness.StartAsync();

        await harness.StopAsync();

        Assert.Equal(SchedulerHarness.Start, harness.Now);
        Assert.True(harness.Scheduler.ExecuteTask!.IsCompletedSuccessfully);
    }
}
