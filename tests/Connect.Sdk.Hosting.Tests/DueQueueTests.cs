using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

public sealed class DueQueueTests
{
    private static readonly Instant Now = SchedulerHarness.Start;

    [Fact]
    public void Startable_WorkWhoseStartCameBehindWorkWaitingForItsStart_IsFoundInPlanOrder()
    {
        var queue = new DueQueue();
        var waiting = Enumerable.Range(0, 1_000).Select(i => Upcoming($"market-{i}", Now + Duration.FromMinutes(1))).ToList();
        var dueFirst = SchedulerHarness.Item("market-a");
        var dueLater = SchedulerHarness.Item("market-b") with { DueAt = Now + Duration.FromSeconds(5) };
        queue.Refresh(new DuePlan([dueFirst], null) { Upcoming = [dueLater, .. waiting] }, Now, Duration.Zero);

        Assert.Equal([dueFirst], queue.Startable(Now, _ => false, 10));
        Assert.Equal([dueFirst, dueLater], queue.Startable(Now + Duration.FromSeconds(5), _ => false, 10));
        Assert.Equal(1_002, queue.Startable(Now + Duration.FromMinutes(1), _ => false, 5_000).Count);
    }

    [Fact]
    public void Startable_OneItemPerConnectionAndNoneOfARunningConnection_UpToTheMaximum()
    {
        var queue = new DueQueue();
        var first = SchedulerHarness.Item("market-1", WorkKind.OrderImport);
        var sameConnection = SchedulerHarness.Item("market-1", WorkKind.StockSync);
        var running = SchedulerHarness.Item("market-2");
        var third = SchedulerHarness.Item("market-3");
        var fourth = SchedulerHarness.Item("market-4");
        queue.Refresh(new DuePlan([first, sameConnection, running, third, fourth], null), Now, Duration.Zero);

        Assert.Equal([first, third], queue.Startable(Now, connection => connection.Value == "market-2", 2));
    }

    [Fact]
    public void NextStartAfter_TheEarliestStartRemoved_IsTheNextOne()
    {
        var queue = new DueQueue();
        var soon = Upcoming("market-1", Now + Duration.FromSeconds(3));
        var later = Upcoming("market-2", Now + Duration.FromSeconds(8));
        queue.Refresh(new DuePlan([], null) { Upcoming = [soon, later] }, Now, Duration.Zero);
        Assert.Equal(Now + Duration.FromSeconds(3), queue.NextStartAfter(Now));

        queue.Remove([soon]);

        Assert.Equal(Now + Duration.FromSeconds(8), queue.NextStartAfter(Now));
        Assert.Equal([later], queue.Startable(Now + Duration.FromSeconds(8), _ => false, 10));
        Assert.Null(queue.NextStartAfter(Now + Duration.FromSeconds(8)));
    }

    [Fact]
    public void Refresh_WorkStillListed_KeepsItsStart_AndWorkNoLongerListedIsDropped()
    {
        var queue = new DueQueue();
        var spread = Duration.FromSeconds(30);
        var kept = SchedulerHarness.Item("market-4", WorkKind.StockReconcile, SyncTrigger.Scheduled);
        var dropped = SchedulerHarness.Item("market-5", WorkKind.StockReconcile, SyncTrigger.Scheduled);
        var offset = StartSpread.OffsetOf(kept, spread);
        Assert.True(offset > Duration.Zero, "The test needs an item with a non-zero offset.");
        queue.Refresh(new DuePlan([kept, dropped], null), Now, spread);

        queue.Refresh(new DuePlan([kept], null), Now + Duration.FromSeconds(1), spread);

        Assert.Equal(1, queue.Count);
        Assert.Empty(queue.Startable(Now + offset - Duration.FromMilliseconds(1), _ => false, 10));
        Assert.Equal([kept], queue.Startable(Now + offset, _ => false, 10));
    }

    private static WorkItem Upcoming(string connection, Instant dueAt) =>
        new(new ConnectionId(connection), WorkKind.OrderImport, SyncTrigger.Scheduled, dueAt);
}
