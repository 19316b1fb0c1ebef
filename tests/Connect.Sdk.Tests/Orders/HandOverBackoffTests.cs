using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// An order whose hand-over keeps breaking off (the ERP is down) is handed over again by the scheduled runs at its next
/// try — 5, 10, 20, 40 … minutes after its failures — not every 15 minutes; a user's retry from the journal runs at once.
/// </summary>
public sealed class HandOverBackoffTests
{
    [Fact]
    public async Task ScheduledRuns_ErpStaysDown_HandOverIsTriedAtItsNextTryOnly_AndAUsersRetryRunsAtOnce()
    {
        var erp = new InMemoryOrderSink();
        var sink = new ErpDownOrderSink(erp);
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IOrderSink>(sink));
        sink.Clock = world.Harness.Clock;
        world.Publish(TestOrders.Order("1001"));

        // Two hours of scheduled runs, every 15 minutes.
        for (var run = 0; run < 8; run++)
        {
            await world.RunDueAsync();
            world.Harness.Clock.Advance(Duration.FromMinutes(15));
        }

        // Failed at 0; next tries 5, 10, 20, 40 minutes after each failure, taken by the next 15-minute run: 15, 30, 60, 105.
        var start = SyncHarness.Start;
        Assert.Equal([0, 15, 30, 60, 105], sink.Attempts.Select(a => (int)(a - start).TotalMinutes));
        var entry = await world.EntryAsync("1001");
        Assert.Equal((JournalStatus.Failed, start + Duration.FromMinutes(105 + 80)), (entry.Status, entry.NextAttemptAt));
        Assert.EndsWith($"; next try at {entry.NextAttemptAt}", entry.Message, StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single(entry.History, c => c.To == JournalStatus.Failed).Repeats + 1);

        sink.Down = false;
        await world.Import.RetryAsync(world.Connection, JournalSelection.Of("1001"), default);
        await world.RunDueAsync();

        Assert.Equal(["1001"], erp.Orders.Select(o => o.Order.OrderNumber));
        Assert.Equal(JournalStatus.Succeeded, (await world.EntryAsync("1001")).Status);
    }
}
