using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>"Bereits vorhandene Aufträge werden nicht erneut importiert": repeating an import of 1,000 orders, in every way a repeat can happen, leaves 1,000 orders in the ERP.</summary>
public sealed class OrderImportRepeatTests
{
    private const int Count = 1_000;
    private const string NotAgain = "; not imported again";

    [Fact]
    public async Task Import_ThousandOrdersRepeatedByOverlapCursorResetAndManualReimport_LeavesThousandOrdersInTheErp()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Market.OrderPageSize = 100;
        // Changed within eight minutes, so that the default overlap of ten minutes covers every order.
        var orders = TestOrders.Many(Count, Duration.FromMilliseconds(500));
        var numbers = orders.Select(o => o.OrderNumber).ToArray();
        world.Publish(orders);

        var first = await world.RunScheduledAsync();
        Assert.Equal(Count, first.Summary.Succeeded);
        Assert.Equal(Count, world.Sink.Orders.Count);

        // 1. The next scheduled run reaches back over the overlap window and sees every order again.
        world.Harness.Clock.Advance(Duration.FromMinutes(15));
        var overlap = await world.RunDueAsync();
        Assert.Equal(Count, Assert.Single(overlap).Summary.Skipped);

        // 2. The cursor is set back a week, as after an outage.
        await world.Staging.SetCursorAsync(world.Connection, new OrderCursor(SyncHarness.Start - Duration.FromDays(7)), default);
        Assert.Equal(Count, (await world.RunScheduledAsync()).Summary.Skipped);

        // 3. A user imports every number again by hand; no marketplace call is needed for imported orders.
        var lookups = 0;
        world.Market.OnFetchByNumber = _ => lookups++;
        var queued = await world.Import.ImportOrdersAsync(world.Connection, string.Join(", ", numbers), default);
        Assert.Equal(Count, queued.Queued.Count);
        var manual = Assert.Single(await world.RunDueAsync());
        Assert.Equal(Count, manual.Summary.Skipped);
        Assert.Equal(0, lookups);

        Assert.Equal(Count, world.Sink.Orders.Count);
        Assert.Equal(numbers, world.Sink.Orders.Select(o => o.Order.OrderNumber).Order(StringComparer.Ordinal));
        foreach (var number in numbers)
        {
            var entry = await world.EntryAsync(number);
            Assert.Equal(JournalStatus.Succeeded, entry.Status);
            Assert.EndsWith(NotAgain, entry.Message, StringComparison.Ordinal);
            // The overlap's repeat is shown once; the cursor reset repeats what the entry already says, so it adds no
            // history line (an order seen every 15 minutes must not grow its history); the user's explicit import shows.
            Assert.Equal(2, entry.History.Count(h => h.Message!.EndsWith(NotAgain, StringComparison.Ordinal)));
            Assert.Equal(1, entry.History.Count(h => h.Message!.Contains("imported into the ERP as", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task ScheduledRun_Twice_WithoutOverlap_DoesNotSeeTheOrdersAgain()
    {
        await using var world = await OrderWorld.ProductiveAsync(options: o => o.OrderImportOverlap = Duration.Zero);
        world.Publish(TestOrders.Many(3));
        await world.RunScheduledAsync();
        world.Harness.Clock.Advance(Duration.FromMinutes(15));

        var second = Assert.Single(await world.RunDueAsync());

        // Only the last order sits exactly on the cursor, so only it is seen again.
        Assert.Equal(new WorkRunSummary(0, 0, 0, 1), second.Summary);
        Assert.Equal(3, world.Sink.Orders.Count);
    }
}
