using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Orders;
using Connect.Sdk.Tests.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>
/// Worker A stalls just before a guarded write until its lease (10 minutes) has lapsed, worker B takes the connection over
/// and runs; then A goes on. Its write must be refused and change nothing, and A's run ends as lease lost. One engine
/// plays both workers: it keeps no state between runs, and A's lapsed lease lets it acquire the key again.
/// </summary>
public sealed class LeaseFencingTests
{
    private static readonly Duration PastTheLease = Duration.FromMinutes(11);

    [Fact]
    public async Task StockRun_PausedPastItsLease_CannotRecordSentStockOverTheNewHolders()
    {
        var gate = new WriteGate();
        await using var w = await StockWorld.ProductiveAsync(configure: s =>
            s.AddSingleton<IStockSyncStateStore>(sp => new GatedStockSyncStateStore(new InMemoryStockSyncStateStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()), gate)));
        await w.AddAsync(5, StockWorld.Simple("1001"));

        var a = w.RunAsync().AsTask();
        await gate.Reached.Task;
        w.H.Clock.Advance(PastTheLease);
        w.H.StockSource.Set("1001", 7);
        var b = await w.RunAsync();
        gate.Release.SetResult();
        var resultA = await a;

        Assert.Equal(WorkRunOutcome.Completed, b.Outcome);
        Assert.Equal(WorkRunOutcome.LeaseLost, resultA.Outcome);
        Assert.True(gate.FirstWriteRefused, "the store must refuse the stalled worker's write");
        var sent = await w.H.Get<IStockSyncStateStore>().GetAsync(w.Connection, ["1001"], default);
        Assert.Equal(7, sent["1001"].Quantity);
    }

    [Fact]
    public async Task OrderImport_PausedPastItsLease_CannotStageNorMoveTheCursor()
    {
        var gate = new WriteGate();
        await using var world = await OrderWorld.ProductiveAsync(configure: s =>
            s.AddSingleton<IOrderStagingStore>(sp => new GatedOrderStagingStore(new InMemoryOrderStagingStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()), gate)));
        var staging = world.Harness.Get<IOrderStagingStore>();
        world.Publish(TestOrders.Order("1001", SyncHarness.Start - Duration.FromHours(1)));

        var a = world.RunScheduledAsync().AsTask();
        await gate.Reached.Task;
        world.Harness.Clock.Advance(PastTheLease);
        world.Publish(TestOrders.Order("1002", SyncHarness.Start + Duration.FromMinutes(5)));
        var b = await world.RunScheduledAsync();
        var cursorOfB = await staging.GetCursorAsync(world.Connection, default);
        gate.Release.SetResult();
        var resultA = await a;

        Assert.Equal(WorkRunOutcome.Completed, b.Outcome);
        Assert.Equal(WorkRunOutcome.LeaseLost, resultA.Outcome);
        Assert.True(gate.FirstWriteRefused, "the store must refuse the stalled worker's write");
        Assert.NotNull(cursorOfB);
        Assert.Equal(cursorOfB, await staging.GetCursorAsync(world.Connection, default));
        Assert.Equal(1, world.SinkCount("1001"));
        Assert.Equal(1, world.SinkCount("1002"));
    }

    [Fact]
    public async Task OrderImport_PausedPastItsLeaseDuringAHandOver_CannotRecordTheHandOver()
    {
        var gate = new WriteGate();
        await using var world = await OrderWorld.ProductiveAsync(configure: s =>
            s.AddSingleton<IImportedOrderLedger>(sp => new GatedImportedOrderLedger(new InMemoryImportedOrderLedger(sp.GetRequiredService<InMemoryWorkLeaseStore>()), gate)));
        world.Publish(TestOrders.Order("1001", SyncHarness.Start - Duration.FromHours(1)));

        var a = world.RunScheduledAsync().AsTask();
        await gate.Reached.Task;
        world.Harness.Clock.Advance(PastTheLease);
        var b = await world.RunScheduledAsync();
        var recordedByB = await world.Harness.Get<IImportedOrderLedger>().FindAsync(world.Connection, "1001", default);
        gate.Release.SetResult();
        var resultA = await a;

        Assert.Equal(WorkRunOutcome.Completed, b.Outcome);
        Assert.Equal(WorkRunOutcome.LeaseLost, resultA.Outcome);
        Assert.True(gate.FirstWriteRefused, "the store must refuse the stalled worker's write");
        Assert.NotNull(recordedByB);
        Assert.Equal(recordedByB, await world.Harness.Get<IImportedOrderLedger>().FindAsync(world.Connection, "1001", default));
        Assert.Equal(1, world.SinkCount("1001"));
    }

    [Fact]
    public async Task Run_StalledLongerThanItsLease_KeepsTheLeaseInTheBackground_AndASecondWorkerIsBusy()
    {
        var time = new FakeTimeProvider(SyncHarness.Start.ToDateTimeOffset());
        StallingRunner? runner = null;
        CountingLeaseStore? counting = null;
        await using var h = new SyncHarness(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IWorkRunner>(sp => runner = new StallingRunner(sp.GetRequiredService<IStockSyncStateStore>()));
            s.AddSingleton<IWorkLeaseStore>(sp => counting = new CountingLeaseStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
        });
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var item = new WorkItem(connection, WorkKind.StockSync, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant());

        var a = h.Engine.RunAsync(item, default).AsTask();
        await runner!.Started.Task;
        // Twelve minutes of a 10-minute lease pass while the run waits; a renewal is due every third of the lease. Time is
        // moved off the test's synchronization context, so that what a timer releases runs inside the move.
        for (var step = 0; step < 3; step++)
        {
            h.Clock.Advance(Duration.FromSeconds(200));
            await Task.Run(() => time.Advance(TimeSpan.FromSeconds(200)));
        }

        Assert.Equal(3, counting!.Renewals);
        h.Clock.Advance(Duration.FromMinutes(2));
        var second = await h.Engine.RunAsync(item, default);
        runner.Release.SetResult();

        Assert.Equal(WorkRunOutcome.Busy, second.Outcome);
        Assert.Equal(WorkRunOutcome.Completed, (await a).Outcome);
    }

    [Fact]
    public async Task Run_LeaseTakenOverWhileItStalled_IsCancelledAtTheNextRenewal_AndItsLateWriteIsRefused()
    {
        var time = new FakeTimeProvider(SyncHarness.Start.ToDateTimeOffset());
        StallingRunner? runner = null;
        await using var h = new SyncHarness(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IWorkRunner>(sp => runner = new StallingRunner(sp.GetRequiredService<IStockSyncStateStore>()));
        });
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Stock);
        var a = h.Engine.RunAsync(new WorkItem(connection, WorkKind.StockSync, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant()), default).AsTask();
        await runner!.Started.Task;

        // The whole process stood still (no timer fired) while the wall clock moved past the lease, and another worker took over.
        h.Clock.Advance(PastTheLease);
        var taken = await h.Get<IWorkLeaseStore>().TryAcquireAsync($"connection:{connection}", "worker-b", h.Clock.GetCurrentInstant(), Duration.FromMinutes(10), default);
        await Task.Run(() => time.Advance(TimeSpan.FromSeconds(200)));
        // Not a timing assertion: a guard so that a run nobody cancels fails the test instead of hanging it.
        var resultA = await a.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotNull(taken);
        Assert.Equal(WorkRunOutcome.LeaseLost, resultA.Outcome);
        Assert.IsType<LeaseLostException>(await runner.LateWrite.Task);
        Assert.Empty(await h.Get<IStockSyncStateStore>().GetAsync(connection, ["1001"], default));
    }
}
