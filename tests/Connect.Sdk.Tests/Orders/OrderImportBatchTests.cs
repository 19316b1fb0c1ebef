using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Tests.Orders;

/// <summary>
/// A page of orders is handed over as a batch — one journal read, one journal write per step, one ledger write —
/// and still every order fails alone: an ERP or store failure for one order leaves the others of its page imported.
/// </summary>
public sealed class OrderImportBatchTests
{
    private const int PageSize = 10;

    [Fact]
    public async Task ScheduledImport_PageOfOrders_JournalsThePageWithOneReadAndTwoWrites()
    {
        var journal = new CountingJournalStore(new InMemoryJournalStore());
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IJournalStore>(journal));
        world.Market.OrderPageSize = PageSize;
        world.Publish(TestOrders.Many(PageSize));
        journal.Reset();

        var result = await world.RunScheduledAsync();

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(PageSize, world.Sink.Orders.Count);
        Assert.Equal(0, journal.SingleSaves);
        Assert.Equal(0, journal.SingleReads);
        Assert.Equal(2, journal.BatchSaves);
        Assert.Equal(1, journal.BatchReads);
        var entry = await world.EntryAsync(TestOrders.Number(0));
        Assert.Equal(JournalStatus.Succeeded, entry.Status);
        Assert.Equal(
            [JournalStatus.Queued, JournalStatus.Running, JournalStatus.Succeeded],
            entry.History.Select(h => h.To));
        Assert.Equal(1, entry.Attempts);
    }

    [Fact]
    public async Task ScheduledImport_ErpFailsOneOrderOfAPage_OnlyThatOrderFails_AndTheRestAreImported()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Market.OrderPageSize = PageSize;
        world.Publish(TestOrders.Many(5));
        world.Faults.Arm(CrashStep.SinkBeforeCreating, afterCalls: 2);

        await world.RunScheduledAsync();

        var failed = TestOrders.Number(2);
        Assert.Equal(4, world.Sink.Orders.Count);
        Assert.DoesNotContain(world.Sink.Orders, o => o.Order.OrderNumber == failed);
        foreach (var number in Enumerable.Range(0, 5).Select(TestOrders.Number))
        {
            var entry = await world.EntryAsync(number);
            Assert.Equal(number == failed ? JournalStatus.Failed : JournalStatus.Succeeded, entry.Status);
            Assert.Equal(number != failed, await world.Ledger.FindAsync(world.Connection, number, default) is not null);
        }

        Assert.Equal(StagedOrderState.Staged, (await world.Staging.GetAsync(world.Connection, failed, default))?.State);
    }

    [Fact]
    public async Task ScheduledImport_CancelledPartWayThroughAPage_RecordsTheOrdersTheErpAcceptedBeforeGivingUp()
    {
        await using var world = await OrderWorld.ProductiveAsync();
        world.Market.OrderPageSize = PageSize;
        world.Publish(TestOrders.Many(5));
        using var stopping = new CancellationTokenSource();
        world.Faults.Arm(CrashStep.SinkBeforeCreating, afterCalls: 2, failure: _ =>
        {
            // The host stops while the third order is handed over.
            stopping.Cancel();
            return new OperationCanceledException(stopping.Token);
        });

        try
        {
            await world.Harness.Engine.RunAsync(new WorkItem(world.Connection, WorkKind.OrderImport, SyncTrigger.Scheduled, world.Harness.Clock.GetCurrentInstant()), stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // How the engine reports a cancelled run is not what this test is about.
        }

        Assert.Equal(2, world.Sink.Orders.Count);
        foreach (var handedOver in world.Sink.Orders)
        {
            Assert.NotNull(await world.Ledger.FindAsync(world.Connection, handedOver.Order.OrderNumber, default));
        }
    }

    [Fact]
    public async Task ScheduledImport_LedgerBatchWriteFails_RecordsOrderByOrder_AndOnlyTheOrderTheLedgerRefusesFails()
    {
        var refused = TestOrders.Number(1);
        BatchRefusingLedger? ledger = null;
        await using var world = await OrderWorld.ProductiveAsync(configure: s => s.AddSingleton<IImportedOrderLedger>(sp =>
            ledger = new BatchRefusingLedger(new InMemoryImportedOrderLedger(sp.GetRequiredService<InMemoryWorkLeaseStore>()), refused)));
        world.Market.OrderPageSize = PageSize;
        world.Publish(TestOrders.Many(3));

        await world.RunScheduledAsync();

        Assert.Equal(1, ledger!.BatchAttempts);
        foreach (var number in Enumerable.Range(0, 3).Select(TestOrders.Number))
        {
            var entry = await world.EntryAsync(number);
            if (number == refused)
            {
                Assert.Equal(JournalStatus.Failed, entry.Status);
                Assert.Contains("same key", entry.Message, StringComparison.Ordinal);
                Assert.Null(await ledger.FindAsync(world.Connection, number, default));
            }
            else
            {
                Assert.Equal(JournalStatus.Succeeded, entry.Status);
                Assert.NotNull(await ledger.FindAsync(world.Connection, number, default));
            }
        }
    }
}
