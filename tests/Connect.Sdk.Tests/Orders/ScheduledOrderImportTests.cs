using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

public sealed class ScheduledOrderImportTests
{
    [Fact]
    public async Task ScheduledRun_NewOrder_IsStagedThenHandedOver_AndTheJournalShowsBothSteps()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var order = TestOrders.Order("1001");
        world.Publish(order);

        var result = Assert.Single(await world.RunDueAsync());

        Assert.Equal((WorkKind.OrderImport, WorkRunOutcome.Completed), (result.Item.Kind, result.Outcome));
        Assert.Equal(1, result.Summary.Succeeded);
        var handOver = Assert.Single(world.Sink.Orders);
        Assert.Equal(new Dictionary<string, string> { ["1"] = "A-1", ["2"] = "A-2" }, handOver.ArticleNumbersByLineId);
        Assert.Equal("order-import:8:market-1:1001", handOver.IdempotencyKey);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal("order 1001 imported into the ERP as ERP-000001", entry.Message);
        Assert.Equal("Erika Muster 1001", entry.Title);
        Assert.Equal(order.CreatedAt, entry.OrderDate);
        Assert.Equal(
            [JournalStatus.Queued, JournalStatus.Running, JournalStatus.Succeeded],
            entry.History.Select(h => h.To));
        Assert.Contains("step 1 of 2", entry.History[0].Message, StringComparison.Ordinal);
        Assert.Contains("step 2 of 2", entry.History[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, entry.Attempts);
    }

    [Fact]
    public async Task ScheduledRun_FirstOfTheConnection_ReachesBackOneDay_AndSetsTheCursorToTheLastChange()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(
            TestOrders.Order("1001", start - Duration.FromDays(1) - Duration.FromMinutes(1)),
            TestOrders.Order("1002", start - Duration.FromHours(23)),
            TestOrders.Order("1003", start - Duration.FromMinutes(2)));

        await world.RunScheduledAsync();

        Assert.Equal(["1002", "1003"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        Assert.Null(await world.FindEntryAsync("1001"));
        Assert.Equal(new OrderCursor(start - Duration.FromMinutes(2)), await world.Staging.GetCursorAsync(world.Connection, default));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(0, false)]
    public async Task ScheduledRun_OrderIndexedLateBehindTheCursor_IsCaughtByTheOverlapWindow(int overlapMinutes, bool caught)
    {
        await using var world = await OrderWorld.ProductiveAsync(options: o => o.OrderImportOverlap = Duration.FromMinutes(overlapMinutes));
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(TestOrders.Order("1001", start - Duration.FromMinutes(1)));
        await world.RunDueAsync();

        // The marketplace shows 1002 only now, although it changed two minutes before the cursor.
        world.Publish(TestOrders.Order("1002", start - Duration.FromMinutes(3)));
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.RunDueAsync();

        Assert.Equal(caught, world.SinkCount("1002") == 1);
        Assert.Equal(1, world.SinkCount("1001"));
    }

    [Fact]
    public async Task ScheduledRun_ManyPages_ImportsEveryOrder_AndKeepsTheLeaseBetweenPages()
    {
        CountingLeaseStore? leases = null;
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IWorkLeaseStore>(sp => leases = new CountingLeaseStore(sp.GetRequiredService<InMemoryWorkLeaseStore>())));
        world.Market.OrderPageSize = 25;
        var pagesSeen = new List<int>();
        world.Market.OnFetchPage = pagesSeen.Add;
        world.Publish(TestOrders.Many(230));

        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(230, result.Summary.Succeeded);
        Assert.Equal(Enumerable.Range(0, 10), pagesSeen);
        Assert.Equal(230, world.Sink.Orders.Select(o => o.Order.OrderNumber).Distinct().Count());
        Assert.True(leases!.Renewals >= 10, $"the lease was renewed {leases.Renewals} times for 10 pages");
        Assert.Equal(new OrderCursor(TestOrders.Many(230)[^1].UpdatedAt), await world.Staging.GetCursorAsync(world.Connection, default));
    }

    [Fact]
    public async Task ScheduledRun_UnreadableOrder_IsJournaledFailed_AndTheOthersAreImported()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Market.OrderPageSize = 2;
        world.Publish(TestOrders.Many(5));
        world.Market.Unreadable["1002"] = "tax information missing in shop order 1002";

        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal((4, 1), (result.Summary.Succeeded, result.Summary.Failed));
        Assert.Equal(["1001", "1003", "1004", "1005"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        var entry = await world.EntryAsync("1002");
        Assert.Equal(JournalStatus.Failed, entry.Status);
        Assert.Contains("tax information missing in shop order 1002", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRun_OrderAwaitingAction_IsAWarningWithItsReason_NotAFailure_AndIsImportedOnceReleased()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(TestOrders.Order("1001", start - Duration.FromMinutes(1)), TestOrders.Order("1002", start - Duration.FromMinutes(1)));
        world.Market.AwaitingAction["1002"] = "waiting for acceptance: accept it on the marketplace";

        var first = await world.RunScheduledAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        var second = await world.RunScheduledAsync();

        Assert.Equal((1, 1, 0), (first.Summary.Succeeded, first.Summary.Warnings, first.Summary.Failed));
        Assert.Equal(0, second.Summary.Failed);
        Assert.Equal(["1001"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        var waiting = await world.EntryAsync("1002");
        Assert.Equal(JournalStatus.Warning, waiting.Status);
        Assert.Equal("order 1002 is not handed to the ERP yet: waiting for acceptance: accept it on the marketplace", waiting.Message);
        Assert.Single(waiting.History, h => h.To == JournalStatus.Warning && h.Repeats == 0);

        world.Market.AwaitingAction.TryRemove("1002", out _);
        world.Publish(TestOrders.Order("1002", world.Harness.Clock.GetCurrentInstant()));
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        await world.RunScheduledAsync();

        Assert.Equal(["1001", "1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1002")).Status);
    }

    [Fact]
    public async Task ScheduledRun_ImportedOrderChangedOnTheMarketplace_IsNotImportedAgain()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        var start = world.Harness.Clock.GetCurrentInstant();
        world.Publish(TestOrders.Order("1001", start - Duration.FromMinutes(1)));
        await world.RunDueAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        world.Publish(TestOrders.Order("1001", world.Harness.Clock.GetCurrentInstant() - Duration.FromMinutes(1)) with { Status = OrderStatus.Shipped });

        await world.RunDueAsync();

        var handOver = Assert.Single(world.Sink.Orders);
        Assert.Equal(OrderStatus.Open, handOver.Order.Status);
        var entry = await world.EntryAsync("1001");
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal("order 1001 was already imported as ERP-000001; not imported again", entry.Message);
    }

    [Fact]
    public async Task EventRun_LoadsChangedOrdersLikeAScheduledRun()
    {
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Manual);
        world.Publish(TestOrders.Order("1001"));

        var result = await world.Harness.Engine.RunAsync(new WorkItem(world.Connection, WorkKind.OrderImport, SyncTrigger.Event, SyncHarness.Start), default);

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Single(world.Sink.Orders);
    }

    [Fact]
    public async Task ScheduledRun_ImportModeDemo_ImportsOrders()
    {
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Demo);
        world.Publish(TestOrders.Order("1001"));

        var result = Assert.Single(await world.RunDueAsync());

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Single(world.Sink.Orders);
    }

    [Fact]
    public async Task GetDueWork_ImportModeManual_PlansNoScheduledImport_ButAManualImportRuns()
    {
        await using var world = await OrderWorld.ProductiveAsync(ImportMode.Manual);
        world.Publish(TestOrders.Order("1001"), TestOrders.Order("1002"));

        var plan = await world.Harness.Engine.GetDueWorkAsync(default);
        await world.Import.ImportOrdersAsync(world.Connection, "1002", default);
        var manual = Assert.Single(await world.RunDueAsync());

        Assert.DoesNotContain(plan.Due, d => d.Kind == WorkKind.OrderImport);
        Assert.Equal(SyncTrigger.Manual, manual.Item.Trigger);
        Assert.Equal(["1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
    }

    [Fact]
    public async Task ScheduledRun_OrdersStagedByARunThatBrokeOff_AreHandedOverFirst()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        await world.AsARunThatBrokeOffAsync(async lease => await world.Staging.StageAsync(world.Connection, [TestOrders.Order("0999", SyncHarness.Start - Duration.FromDays(3))], null, SyncHarness.Start, lease, default));

        var result = await world.RunScheduledAsync();

        Assert.Equal(1, result.Summary.Succeeded);
        Assert.Equal(1, world.SinkCount("0999"));
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("0999")).Status);
    }

    [Fact]
    public async Task ScheduledRun_MarketplaceFailsAPage_BreaksOff_AndTheCursorStaysAtTheLastStagedPage()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Market.OrderPageSize = 2;
        var orders = TestOrders.Many(5);
        world.Publish(orders);
        world.Market.OnFetchPage = page =>
        {
            if (page == 1)
            {
                throw new HttpRequestException("503 from the marketplace");
            }
        };

        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Failed, result.Outcome);
        Assert.Equal(["1001", "1002"], world.Sink.Orders.Select(o => o.Order.OrderNumber));
        Assert.Equal(new OrderCursor(orders[1].UpdatedAt), await world.Staging.GetCursorAsync(world.Connection, default));
        Assert.Null(await world.FindEntryAsync("1003"));
    }
}
