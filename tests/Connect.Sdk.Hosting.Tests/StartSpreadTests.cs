using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class StartSpreadTests
{
    private static readonly Duration Window = Duration.FromSeconds(10);

    private static WorkItem[] HundredScheduled() =>
        [.. Enumerable.Range(1, 100).Select(i => SchedulerHarness.Item($"market-{i}", WorkKind.OrderImport, SyncTrigger.Scheduled))];

    [Fact]
    public void OffsetOf_HundredConnections_SpreadOverTheWindowWithNoCrowdedSecond()
    {
        var offsets = HundredScheduled().Select(i => StartSpread.OffsetOf(i, Window)).ToList();

        Assert.All(offsets, o => Assert.InRange(o, Duration.Zero, Window - Duration.FromMilliseconds(1)));
        var perSecond = offsets.GroupBy(o => (int)o.TotalSeconds).ToList();
        Assert.Equal(10, perSecond.Count);
        Assert.All(perSecond, second => Assert.InRange(second.Count(), 1, 20));
    }

    [Fact]
    public void OffsetOf_SameItemTwice_IsTheSameWholeMillisecond()
    {
        var item = SchedulerHarness.Item("market-7", WorkKind.StockSync, SyncTrigger.Event);

        var first = StartSpread.OffsetOf(item, Window);

        Assert.Equal(first, StartSpread.OffsetOf(item with { DueAt = SchedulerHarness.Start + Duration.FromHours(3) }, Window));
        Assert.Equal(0, first.SubsecondTicks % NodaConstants.TicksPerMillisecond);
    }

    [Fact]
    public void OffsetOf_ManualWorkOrNoWindow_IsZero()
    {
        var scheduled = SchedulerHarness.Item("market-3", WorkKind.OrderImport, SyncTrigger.Scheduled);

        Assert.Equal(Duration.Zero, StartSpread.OffsetOf(scheduled with { Trigger = SyncTrigger.Manual }, Window));
        Assert.Equal(Duration.Zero, StartSpread.OffsetOf(scheduled, Duration.Zero));
    }

    [Fact]
    public async Task Loop_HundredConnectionsDueAtOnce_StartsEachAtItsOffsetAfterItWasFirstSeen()
    {
        await using var harness = new SchedulerHarness(o =>
        {
            o.MaxConcurrentRuns = 256;
            o.StartSpread = Window;
        });
        harness.Work.HoldRuns = true;
        var items = HundredScheduled();
        harness.Work.AddDue(items);

        await harness.StartAsync();
        await harness.AdvanceAsync(Window);

        var started = harness.Work.Started.ToDictionary(s => s.Item, s => s.At);
        Assert.Equal(items.Length, started.Count);
        Assert.All(items, item => Assert.Equal(SchedulerHarness.Start + StartSpread.OffsetOf(item, Window), started[item]));
        Assert.All(started.Values.GroupBy(at => at.ToUnixTimeSeconds()), second => Assert.InRange(second.Count(), 1, 20));
    }

    [Fact]
    public async Task Loop_ManualWork_StartsAtOnceWhateverTheSpread()
    {
        await using var harness = new SchedulerHarness(o => o.StartSpread = Duration.FromMinutes(5));
        var manual = SchedulerHarness.Item("market-1", WorkKind.OrderImport, SyncTrigger.Manual);
        harness.Work.AddDue(manual);

        await harness.StartAsync();

        var run = Assert.Single(harness.Work.Started);
        Assert.Equal(manual, run.Item);
        Assert.Equal(SchedulerHarness.Start, run.At);
    }
}
