using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Connect.Sdk.Hosting.Tests;

/// <summary>The scheduler in a generic host, driving the core's real engine with in-memory stores, on fake time.</summary>
public sealed class EngineIntegrationTests
{
    private static readonly Actor User = new("anna");

    [Fact]
    public async Task HostedScheduler_ProductiveConnection_SyncsStockOnTheFirstPollAndTellsTheObserver()
    {
        var time = new FakeTimeProvider(SchedulerHarness.Start.ToDateTimeOffset());
        var market = new StockMarketplace();
        var observer = new AwaitingObserver(WorkKind.StockSync);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IWorkRunObserver>(observer);
        builder.Services.AddConnectSdk()
            .AddConnector(market)
            .ConfigureForeignNumberRules(rules => rules.With(StockMarketplace.Rule))
            .UseClock(new TimeProviderClock(time))
            .UseArticleCatalog(new InMemoryArticleCatalog().Add(new Article("A-1", "Mug", ArticleKind.Simple) { StockSyncEnabled = true }))
            .UseStockSource(new InMemoryStockSource().Set("A-1", 7))
            .UseOrderSink(new InMemoryOrderSink())
            .UseAlertSink(new InMemoryAlertSink())
            .UseInMemoryStores()
            .AddHostedScheduler(o => o.StartSpread = Duration.Zero);
        using var host = builder.Build();
        await host.StartAsync();
        var scheduler = Assert.IsType<HostedScheduler>(Assert.Single(host.Services.GetServices<IHostedService>()));

        var connection = await CreateProductiveStockConnectionAsync(host.Services);
        // Move time only once the loop waits, so its timer exists: then the poll fires and finds the new connection.
        await Until.HoldsAsync(
            () => scheduler.Pacer.WhenIdle.IsCompleted && scheduler.InFlight.Started == scheduler.InFlight.Ended,
            () => [scheduler.InFlight.NextChange, .. SchedulerHarness.PendingIdle(scheduler)],
            () => $"idle {scheduler.Pacer.WhenIdle.IsCompleted}, {scheduler.InFlight.Started} started, {scheduler.InFlight.Ended} ended");

        time.Advance(TimeSpan.FromSeconds(10));
        // A guard against a hang, not a timing: the run ends within milliseconds of the poll.
        var result = await observer.Result.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(WorkRunOutcome.Completed, result.Outcome);
        Assert.Equal(connection, result.Item.Connection);
        Assert.True(market.Stock.TryGetValue("SKU-1", out var sent), result.ToString());
        Assert.Equal(7, sent);
        await host.StopAsync();
    }

    private static async Task<ConnectionId> CreateProductiveStockConnectionAsync(IServiceProvider services)
    {
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var id = new ConnectionId("stock-1");
        await Ok(lifecycle.CreateAsync(id, StockMarketplace.Id, "Stock shop", User, default));
        await Ok(lifecycle.RunConnectionCheckAsync(id, User, default));
        await Ok(lifecycle.SetFeatureModeAsync(id, FeatureKind.Stock, FeatureMode.Integration, User, default));
        await Ok(lifecycle.SetImportModeAsync(id, ImportMode.Automatic, User, default));
        var report = await services.GetRequiredService<ForeignNumberImporter>().ImportAsync(
            id, StockMarketplace.Id, [new ForeignNumberRow("A-1", StockMarketplace.Label.Value, "SKU-1")], default);
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));

        // Productive last: from here on the scheduler may run the connection's work.
        await Ok(lifecycle.SetProductiveModeAsync(id, true, User, default));
        return id;
    }

    private static async Task Ok(Task<LifecycleResult> step)
    {
        var result = await step;
        Assert.True(result.Succeeded, result.ToString());
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
