using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>
/// Planning reads every connection's schedules, so the loop plans once per poll interval and starts the work in between
/// from its queue: a cycle over all connections costs one plan per interval, not one per run.
/// </summary>
public sealed class PlanningCostTests
{
    [Fact]
    public async Task Loop_RunsEndOneAfterAnother_StartsTheQueuedWorkWithoutPlanningAgain()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.MaxConcurrentRuns = 2;
            o.PollInterval = Duration.FromMinutes(1);
        });
        var items = Enumerable.Range(1, 20).Select(i => SchedulerHarness.Item($"market-{i}")).ToArray();
        harness.Work.AddDue(items);

        await harness.StartAsync();

        // Two runs at a time start on their own threads, so only the set (and that each started once) is certain.
        Assert.Equal(items.Length, harness.Work.Started.Count);
        Assert.Equal(items.ToHashSet(), harness.Work.Started.Select(s => s.Item).ToHashSet());
        Assert.Equal(1, harness.Work.PlanCalls);
    }

    [Fact]
    public async Task Loop_WorkDueWithinThePollInterval_StartsWhenDueWithoutPlanningAgain()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromMinutes(1);
            o.StartSpread = Duration.Zero;
        });
        var later = SchedulerHarness.Item("market-1", WorkKind.OrderImport, SyncTrigger.Scheduled) with { DueAt = SchedulerHarness.Start + Duration.FromSeconds(20) };
        harness.Work.AddUpcoming(later);
        await harness.StartAsync();
        Assert.Empty(harness.Work.Started);

        await harness.AdvanceAsync(Duration.FromSeconds(20));

        Assert.Equal(SchedulerHarness.Start + Duration.FromSeconds(20), Assert.Single(harness.Work.Started).At);
        Assert.Equal(1, harness.Work.PlanCalls);
    }

    [Fact]
    public async Task Loop_UpcomingWorkWithASpreadOffset_StartsAtItsDueTimePlusTheOffset()
    {
        var spread = Duration.FromSeconds(30);
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromMinutes(2);
            o.StartSpread = spread;
        });
        var later = SchedulerHarness.Item("market-4", WorkKind.StockReconcile, SyncTrigger.Scheduled) with { DueAt = SchedulerHarness.Start + Duration.FromSeconds(40) };
        var offset = StartSpread.OffsetOf(later, spread);
        Assert.True(offset > Duration.Zero, "The test needs an item with a non-zero offset.");
        harness.Work.AddUpcoming(later);
        await harness.StartAsync();

        await harness.AdvanceAsync(Duration.FromSeconds(40) + offset - Duration.FromMilliseconds(1));
        Assert.Empty(harness.Work.Started);

        await harness.AdvanceAsync(Duration.FromMilliseconds(1));
        Assert.Equal(later.DueAt + offset, Assert.Single(harness.Work.Started).At);
    }

    [Fact]
    public async Task Loop_ClaimFindsWorkNoLongerDue_DropsItInsteadOfOfferingItAgain()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.MaxConcurrentRuns = 1;
            o.PollInterval = Duration.FromMinutes(1);
        });
        var ranElsewhere = SchedulerHarness.Item("market-1");
        var next = SchedulerHarness.Item("market-2");
        harness.Work.AddDue(ranElsewhere, next);

        // Another worker runs the first item between this worker's plan and its claim.
        harness.Work.AfterPlanRead = call =>
        {
            if (call == 1)
            {
                harness.Work.Remove(ranElsewhere);
            }

            return Task.CompletedTask;
        };
        await harness.StartAsync();
        await harness.AdvanceAsync(Duration.FromSeconds(30));

        Assert.Equal([next], harness.Work.Started.Select(s => s.Item));
        Assert.Single(harness.Work.Claims, claim => claim.Items.Contains(ranElsewhere));
    }
}
