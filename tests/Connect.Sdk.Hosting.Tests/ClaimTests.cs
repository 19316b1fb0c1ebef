using System.Diagnostics.Metrics;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>The scheduler starts only the due work it claimed; what another worker holds is skipped, not run as Busy.</summary>
public sealed class ClaimTests
{
    [Fact]
    public async Task Loop_DueWorkAnotherWorkerHolds_IsNotStartedAndTheLoopSleepsUntilTheNextDueTime()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromMinutes(1);
            o.AlertDispatchInterval = Duration.FromHours(1);
            o.StartSpread = Duration.Zero;
            o.MaxConcurrentRuns = 2;
        });
        using var skipped = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), HostingDiagnostics.SourceName, "connect_sdk.hosting.claims.skipped");
        var held = SchedulerHarness.Item("market-1");
        var free = SchedulerHarness.Item("market-2");
        harness.Work.HoldRuns = true;
        harness.Work.HeldElsewhere = item => item == held;
        harness.Work.NextDueAt = SchedulerHarness.Start + Duration.FromSeconds(20);
        harness.Work.AddDue(held, free);

        await harness.StartAsync();
        var plansAtStart = harness.Work.PlanCalls;

        // Skipped in each pass (the alert dispatch's end may wake the loop for one more), never started as a Busy run.
        Assert.Equal([free], harness.Work.Started.Select(s => s.Item));
        Assert.NotEmpty(skipped.GetMeasurementSnapshot());
        Assert.All(skipped.GetMeasurementSnapshot(), measurement => Assert.Equal(1, measurement.Value));
        Assert.Equal(SchedulerHarness.Start + Duration.FromSeconds(20), harness.Scheduler.Pacer.WaitingUntil);

        // The other worker's run ended: at the next due time the item is claimed and started here.
        harness.Work.HeldElsewhere = null;
        await harness.AdvanceAsync(Duration.FromSeconds(20));

        Assert.Equal(plansAtStart + 1, harness.Work.PlanCalls);
        Assert.Equal([free, held], harness.Work.Started.Select(s => s.Item));
        Assert.Equal(SchedulerHarness.Start + Duration.FromSeconds(20), harness.Work.Started[1].At);
    }

    [Fact]
    public async Task Loop_MoreStartableWorkThanSlots_OffersAllOfItToOneClaimForTheFreeSlots()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.StartSpread = Duration.Zero;
            o.MaxConcurrentRuns = 2;
        });
        var first = SchedulerHarness.Item("market-1");
        var second = SchedulerHarness.Item("market-2");
        var third = SchedulerHarness.Item("market-3");
        harness.Work.HoldRuns = true;
        harness.Work.HeldElsewhere = item => item == first;
        harness.Work.AddDue(first, second, third);

        await harness.StartAsync();

        // One claim for the two free slots, offered all three items: the first is held elsewhere, so the claim moves on to
        // the third instead of leaving a slot empty until the next pass.
        var claim = harness.Work.Claims[0];
        Assert.Equal([first, second, third], claim.Items);
        Assert.Equal(2, claim.Limit);
        Assert.Equal(["market-2", "market-3"], harness.Work.Started.Select(s => s.Item.Connection.Value).Order());
    }

    [Fact]
    public async Task Loop_MoreWorkHeldElsewhereThanTheClaimMargin_StartsTheFreeWorkBehindItInTheSamePass()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.PollInterval = Duration.FromMinutes(1);
            o.AlertDispatchInterval = Duration.FromHours(1);
            o.StartSpread = Duration.Zero;
            o.MaxConcurrentRuns = 1;
        });

        // Twenty workers of four slots hold 80 runs: more than a claim is offered beyond its free slots.
        var held = Enumerable.Range(1, 100).Select(i => SchedulerHarness.Item($"market-{i:D3}")).ToArray();
        var free = SchedulerHarness.Item("market-101");
        harness.Work.HoldRuns = true;
        harness.Work.HeldElsewhere = item => held.Contains(item);
        harness.Work.AddDue([.. held, free]);

        await harness.StartAsync();

        // Started at once, not after the runs elsewhere end or the next plan: the held work was tried once and dropped.
        var started = Assert.Single(harness.Work.Started);
        Assert.Equal(free, started.Item);
        Assert.Equal(SchedulerHarness.Start, started.At);
        Assert.Single(harness.Work.Claims, claim => claim.Items.Contains(held[0]));
    }
}
