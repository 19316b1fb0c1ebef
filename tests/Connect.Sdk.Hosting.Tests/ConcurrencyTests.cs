using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Loop_MoreWorkDueThanSlots_RunsAtMostMaxConcurrentRunsAndTheRestAsSlotsFree()
    {
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 2);
        harness.Work.HoldRuns = true;
        var items = Enumerable.Range(1, 5).Select(i => SchedulerHarness.Item($"market-{i}")).ToArray();
        harness.Work.AddDue(items);

        await harness.StartAsync();

        // Runs that start together may enter in either order.
        Assert.Equivalent(items[..2], harness.Work.Started.Select(s => s.Item), strict: true);
        for (var finished = 0; finished < items.Length; finished++)
        {
            harness.Work.HoldOf(items[finished]).Release();
            await harness.SettleAsync();
            Assert.Equal(Math.Min(items.Length, finished + 3), harness.Work.Started.Count);
        }

        Assert.Equal(items[2..], harness.Work.Started.Skip(2).Select(s => s.Item));
        Assert.Equal(2, harness.Work.MaxRunning);
    }

    [Fact]
    public async Task Loop_TwoKindsDueForOneConnection_RunsThemOneAfterTheOther()
    {
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 4);
        harness.Work.HoldRuns = true;
        var import = SchedulerHarness.Item("market-1", WorkKind.OrderImport);
        var stock = SchedulerHarness.Item("market-1", WorkKind.StockSync);
        var other = SchedulerHarness.Item("market-2", WorkKind.StockSync);
        harness.Work.AddDue(import, stock, other);

        await harness.StartAsync();

        Assert.Equivalent(new[] { import, other }, harness.Work.Started.Select(s => s.Item), strict: true);
        harness.Work.HoldOf(other).Release();
        await harness.SettleAsync();
        Assert.Equal(2, harness.Work.Started.Count);

        harness.Work.HoldOf(import).Release();
        await harness.SettleAsync();

        Assert.Equal(stock, harness.Work.Started[2].Item);
        Assert.Equal(1, harness.Work.MaxRunningPerConnection);
    }

    [Fact]
    public async Task Loop_BusyOrRefusedResult_FreesTheSlotForTheNextItem()
    {
        await using var harness = new SchedulerHarness(o => o.MaxConcurrentRuns = 1);
        var busy = SchedulerHarness.Item("market-1");
        var next = SchedulerHarness.Item("market-2");
        harness.Work.OnRun = item => item == busy ? new WorkRunResult(item, WorkRunOutcome.Busy, WorkRunSummary.Empty, "held elsewhere") : null;
        harness.Work.AddDue(busy, next);

        await harness.StartAsync();

        Assert.Equal([busy, next], harness.Work.Started.Select(s => s.Item));
    }

    [Fact]
    public async Task Loop_RunEndsWhileThePlanIsRead_DoesNotStartItsWorkAgainFromThatPlan()
    {
        var pollInterval = Duration.FromSeconds(10);
        await using var harness = new SchedulerHarness(o =>
        {
            o.MaxConcurrentRuns = 1;
            o.PollInterval = pollInterval;
        });
        var first = SchedulerHarness.Item("market-1");
        var second = SchedulerHarness.Item("market-2");
        var firstMayBegin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first run is slow to record its start, so the next plan still lists its work as due; that run then ends
        // while the loop reads the plan, and the plan reaches the loop stale.
        harness.Work.BeforeRecordingStart = item => item == first ? firstMayBegin.Task : Task.CompletedTask;
        harness.Work.AfterPlanRead = async call =>
        {
            if (call == 2)
            {
                firstMayBegin.SetResult();
                await Until.HoldsAsync(
                    () => !harness.Scheduler.InFlight.IsRunning(first.Connection),
                    () => [harness.Scheduler.InFlight.NextChange],
                    () => "the first run is still going");
            }
        };
        harness.Work.AddDue(first, second);

        await harness.Scheduler.StartAsync(CancellationToken.None);
        await Until.HoldsAsync(
            () => harness.Work.PlanCalls >= 2 || harness.Scheduler.Pacer.WhenIdle.IsCompleted,
            () => [harness.Scheduler.InFlight.NextChange, .. SchedulerHarness.PendingIdle(harness.Scheduler)],
            () => $"{harness.Work.PlanCalls} plan(s) read");
        if (harness.Work.PlanCalls < 2)
        {
            harness.Time.Advance(pollInterval.ToTimeSpan());
        }

        await harness.SettleAsync();

        Assert.Equal([first, second], harness.Work.Started.Select(s => s.Item));
    }
}
