using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

public sealed class SyncEngineTests
{
    [Fact]
    public async Task GetDueWork_NewProductiveConnection_OrderImportAndStockAreDueAtOnce()
    {
        await using var h = new SyncHarness();
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders, FeatureKind.Stock);

        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(
            [(WorkKind.OrderImport, SyncTrigger.Scheduled), (WorkKind.StockSync, SyncTrigger.Scheduled), (WorkKind.StockReconcile, SyncTrigger.Scheduled)],
            plan.Due.Select(d => (d.Kind, d.Trigger)).Order());
        Assert.All(plan.Due, d => Assert.Equal(connection, d.Connection));
    }

    [Fact]
    public async Task GetDueWork_AfterScheduledRun_OrderImportIsDueAgainFifteenMinutesLater()
    {
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(new ProbeRunner(WorkKind.OrderImport)));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        var startedAt = h.Clock.GetCurrentInstant();
        await h.Engine.RunAsync(new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, startedAt), default);

        var plan = await h.Engine.GetDueWorkAsync(default);
        h.Clock.Advance(Duration.FromMinutes(15));
        var later = await h.Engine.GetDueWorkAsync(default);

        Assert.DoesNotContain(plan.Due, d => d.Kind == WorkKind.OrderImport);
        Assert.Equal(startedAt + Duration.FromMinutes(15), plan.NextDueAt);
        Assert.Contains(later.Due, d => d.Kind == WorkKind.OrderImport && d.Trigger == SyncTrigger.Scheduled);
    }

    [Fact]
    public async Task GetDueWork_ConfiguredInterval_IsHonoured()
    {
        await using var h = new SyncHarness(
            s => s.AddSingleton<IWorkRunner>(new ProbeRunner(WorkKind.OrderImport)),
            o => o.OrderImportInterval = Duration.FromMinutes(5));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await h.Engine.RunAsync(new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant()), default);

        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Equal(SyncHarness.Start + Duration.FromMinutes(5), plan.NextDueAt);
    }

    [Theory]
    [InlineData(false, ImportMode.Automatic, FeatureMode.Integration)]
    [InlineData(true, ImportMode.Manual, FeatureMode.Integration)]
    [InlineData(true, ImportMode.Automatic, FeatureMode.Test)]
    public async Task GetDueWork_ScheduledImportNotAllowed_IsNotPlanned(bool productive, ImportMode importMode, FeatureMode mode)
    {
        await using var h = new SyncHarness();
        var features = mode == FeatureMode.Test ? new[] { FeatureKind.Orders, FeatureKind.Stock } : [FeatureKind.Orders];
        var connection = await h.CreateConnectionAsync("market-1", productive: false, importMode, FeatureMode.Integration, features);
        if (mode == FeatureMode.Test)
        {
            await h.Lifecycle.SetProductiveModeAsync(connection, true, SyncHarness.User, default);
            await h.Lifecycle.SetFeatureModeAsync(connection, FeatureKind.Orders, FeatureMode.Test, SyncHarness.User, default);
        }
        else if (productive)
        {
            await h.Lifecycle.SetProductiveModeAsync(connection, true, SyncHarness.User, default);
        }

        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.DoesNotContain(plan.Due, d => d.Kind == WorkKind.OrderImport);
    }

    [Fact]
    public async Task Run_ConnectionSwitchedOffSincePlanning_IsRefusedAndRunsNothing()
    {
        var probe = new ProbeRunner(WorkKind.OrderImport);
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probe));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        var item = (await h.Engine.GetDueWorkAsync(default)).Due.Single(d => d.Kind == WorkKind.OrderImport);
        await h.Lifecycle.SetProductiveModeAsync(connection, false, SyncHarness.User, default);

        var result = await h.Engine.RunAsync(item, default);

        Assert.Equal(WorkRunOutcome.Refused, result.Outcome);
        Assert.Contains("Productive mode is off", result.Message, StringComparison.Ordinal);
        Assert.Empty(probe.Runs);
    }

    [Fact]
    public async Task Run_CancelledByTheHost_EventWorkIsRequestedAgain()
    {
        var probe = new ProbeRunner(WorkKind.OrderStatusExport) { Hold = new TaskCompletionSource().Task };
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probe));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.OrderStatus);
        await h.Get<ManualWorkQueue>().RequestAsync(connection, WorkKind.OrderStatusExport, SyncTrigger.Event, default);
        var item = Assert.Single((await h.Engine.GetDueWorkAsync(default)).Due);
        using var shutdown = new CancellationTokenSource();

        var running = h.Engine.RunAsync(item, shutdown.Token).AsTask();
        await probe.Started.Task;
        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        h.Clock.Advance(Duration.FromMinutes(1));
        var plan = await h.Engine.GetDueWorkAsync(default);

        Assert.Contains(plan.Due, d => d.Kind == WorkKind.OrderStatusExport && d.Trigger == SyncTrigger.Event);
    }

    [Fact]
    public async Task Run_ConnectorNoLongerRegistered_IsRefusedInsteadOfThrowing()
    {
        var probe = new ProbeRunner(WorkKind.OrderImport);
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probe));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        await using var other = new SyncHarness(s =>
        {
            s.AddSingleton<IWorkRunner>(probe);
            s.AddSingleton(h.Get<IConnectionStore>());
            s.AddSingleton<Connect.Sdk.Connectors.ConnectorRegistry>(new Connect.Sdk.Connectors.ConnectorRegistry([]));
        });

        var result = await other.Engine.RunAsync(new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, SyncHarness.Start), default);

        Assert.Equal(WorkRunOutcome.Refused, result.Outcome);
        Assert.Contains("'testmarket'", result.Message, StringComparison.Ordinal);
        Assert.Empty(probe.Runs);
    }

    [Fact]
    public async Task Run_WhileAnotherRunHoldsTheConnection_IsBusy_AndRunsAgainAfterwards()
    {
        var probe = new ProbeRunner(WorkKind.OrderImport);
        var hold = new TaskCompletionSource();
        probe.Hold = hold.Task;
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probe));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        var item = new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant());

        var first = h.Engine.RunAsync(item, default).AsTask();
        await probe.Started.Task;
        var second = await h.Engine.RunAsync(item, default);
        hold.SetResult();
        var firstResult = await first;
        var third = await h.Engine.RunAsync(item, default);

        Assert.Equal(WorkRunOutcome.Busy, second.Outcome);
        Assert.Equal(WorkRunOutcome.Completed, firstResult.Outcome);
        Assert.Equal(WorkRunOutcome.Completed, third.Outcome);
        Assert.Equal(2, probe.Runs.Count);
    }

    [Fact]
    public async Task Run_WorkerCrashedHoldingTheLease_AnotherWorkerTakesOverAfterTheLeaseExpires()
    {
        var probe = new ProbeRunner(WorkKind.OrderImport);
        await using var h = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probe));
        var connection = await h.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders);
        var leases = h.Get<IWorkLeaseStore>();
        await leases.TryAcquireAsync($"connection:{connection}", "crashed-worker", h.Clock.GetCurrentInstant(), Duration.FromMinutes(10), default);
        var item = new WorkItem(connection, WorkKind.OrderImport, SyncTrigger.Scheduled, h.Clock.GetCurrentInstant());

        var whileHeld = await h.Engine.RunAsync(item, default);
        h.Clock.Advance(Duration.FromMinutes(10));
        var afterExpiry = await h.Engine.RunAsync(item, default);

        Assert.Equal(WorkRunOutcome.Busy, whileHeld.Outcome);
        Assert.Equal(WorkRunOutcome.Completed, afterExpiry.Outcome);
    }

    [Fact]
    public async Task Run_TwoEnginesSharingOneStore_NeverRunOneConnectionsWorkAtOnce()
    {
        var inFlight = new InFlightCounter();
        var probeA = new ProbeRunner(WorkKind.OrderImport, inFlight);
        var probeB = new ProbeRunner(WorkKind.OrderImport, inFlight);
        await using var a = new SyncHarness(s => s.AddSingleton<IWorkRunner>(probeA));
        var shared = a.Services;

        // Engine B stands for a second process: its own container, runner and worker id, the same stores.
        await using var b = new SyncHarness(s =>
        {
            s.AddSingleton<IWorkRunner>(probeB);
            s.AddSingleton(shared.GetRequiredService<IWorkLeaseStore>());
            s.AddSingleton(shared.GetRequiredService<IConnectionStore>());
            s.AddSingleton(shared.GetRequiredService<IWorkScheduleStore>());
            s.AddSingleton(shared.GetRequiredService<Connect.Sdk.Settings.ISecretStore>());
        });
        ConnectionId[] connections =
        [
            await a.CreateProductiveConnectionAsync("market-1", FeatureKind.Orders),
            await a.CreateProductiveConnectionAsync("market-2", FeatureKind.Orders),
        ];

        // Eight workers, four per engine, each completing 10 runs of alternating connections. A worker turned away as
        // busy tries again once a run that was not turned away has returned (its lease released) since it tried: never in
        // a spin.
        var returned = new ChangeSignal();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var engine = w % 2 == 0 ? a.Engine : b.Engine;
            var outcomes = new List<WorkRunOutcome>();
            for (var completed = 0; completed < 10;)
            {
                var item = new WorkItem(connections[(w + completed) % 2], WorkKind.OrderImport, SyncTrigger.Scheduled, SyncHarness.Start);
                var anotherReturned = returned.Next;
                var result = await engine.RunAsync(item, default);
                outcomes.Add(result.Outcome);
                if (result.Outcome == WorkRunOutcome.Busy)
                {
                    await anotherReturned;
                    continue;
                }

                completed += result.Outcome == WorkRunOutcome.Completed ? 1 : 0;
                returned.Pulse();
            }

            return outcomes;
        }));
        var outcomes = (await Task.WhenAll(workers)).SelectMany(o => o).ToArray();

        Assert.Equal(1, inFlight.Max);
        Assert.Equal(80, probeA.Runs.Count + probeB.Runs.Count);
        Assert.Equal(40, probeA.Runs.Count);
        Assert.Equal(40, probeB.Runs.Count);
        Assert.All(outcomes, o => Assert.True(o is WorkRunOutcome.Completed or WorkRunOutcome.Busy, o.ToString()));
    }
}
