using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>Several hosted schedulers on one store, as several worker processes on one database, over the real engine.</summary>
public sealed class MultipleSchedulersTests
{
    [Fact]
    public async Task TwoSchedulers_OneStoreWithTheSameDueConnections_RunEachPieceOfWorkOnceAndNothingBusy()
    {
        var time = new FakeTimeProvider(SchedulerHarness.Start.ToDateTimeOffset());
        var observerA = new CountingObserver();
        var observerB = new CountingObserver();
        using var hostA = StockEngineHost.Build(time, observerA);
        using var hostB = StockEngineHost.Build(time, observerB, sharingStoresOf: hostA.Services);
        await hostA.StartAsync();
        await hostB.StartAsync();
        HostedScheduler[] schedulers = [StockEngineHost.Scheduler(hostA), StockEngineHost.Scheduler(hostB)];
        var connections = new List<ConnectionId>();
        for (var i = 1; i <= 6; i++)
        {
            connections.Add(await StockEngineHost.CreateProductiveStockConnectionAsync(hostA.Services, $"stock-{i}"));
        }

        // Both polls fire at the same tick and plan the same twelve due items (stock sync and reconcile of six
        // connections); a few more polls let each scheduler take what the other left.
        for (var poll = 0; poll < 4; poll++)
        {
            await StockEngineHost.SettleAsync(schedulers);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        await StockEngineHost.SettleAsync(schedulers);
        await hostA.StopAsync();
        await hostB.StopAsync();

        WorkRunResult[] results = [.. observerA.Results, .. observerB.Results];
        Assert.DoesNotContain(results, r => r.Outcome != WorkRunOutcome.Completed);
        Assert.Equal(
            connections.SelectMany(c => new[] { $"{c} {WorkKind.StockReconcile}", $"{c} {WorkKind.StockSync}" }).Order(),
            results.Select(r => $"{r.Item.Connection} {r.Item.Kind}").Order());
    }
}
