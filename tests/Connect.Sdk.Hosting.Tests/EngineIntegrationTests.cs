using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>The scheduler in a generic host, driving the core's real engine with in-memory stores, on fake time.</summary>
public sealed class EngineIntegrationTests
{
    [Fact]
    public async Task HostedScheduler_ProductiveConnection_SyncsStockOnTheFirstPollAndTellsTheObserver()
    {
        var time = new FakeTimeProvider(SchedulerHarness.Start.ToDateTimeOffset());
        var observer = new AwaitingObserver(WorkKind.StockSync);
        using var host = StockEngineHost.Build(time, observer);
        await host.StartAsync();
        var scheduler = StockEngineHost.Scheduler(host);

        var connection = await StockEngineHost.CreateProductiveStockConnectionAsync(host.Services);
        // Move time only once the loop waits, so its timer exists: then the poll fires and finds the new connection.
        await StockEngineHost.SettleAsync(scheduler);

        time.Advance(TimeSpan.FromSeconds(10));
        // A guard against a hang, not a timing: the run ends within milliseconds of the poll.
        var result = await observer.Result.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(connection, result.Item.Connection);
        Assert.True(StockEngineHost.Market(host).Stock.TryGetValue("SKU-1", out var sent), result.ToString());
        Assert.Equal(7, sent);
        await host.StopAsync();
    }

    /// <summary>Completes with the first completed run of one kind of work.</summary>
    private sealed class AwaitingObserver(WorkKind kind) : IWorkRunObserver
    {
        private readonly TaskCompletionSource<WorkRunResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<WorkRunResult> Result => _result.Task;

        public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
        {
            if (result.Item.Kind == kind && result.Outcome == WorkRunOutcome.Completed)
            {
                _result.TrySetResult(result);
            }

            return ValueTask.CompletedTask;
        }
    }
}
