using Basar.Connector.DependencyInjection;
using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Hosting;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartz;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>The code of <c>docs/scheduling.md</c>: the hosted scheduler, an observer, telemetry, and Quartz in its place.</summary>
public sealed class SchedulingGuideTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-guide-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task HostedScheduler_FromTheGuide_StartsAndStops()
    {
        var args = Array.Empty<string>();
        var databasePath = Path.Combine(_folder, "connect.db");

        #region snippet: scheduling-host
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddConnectSdk()
            .AddBasar()
            .UseArticleCatalog<InMemoryArticleCatalog>()
            .UseStockSource<InMemoryStockSource>()
            .UseOrderSink<InMemoryOrderSink>()
            .UseAlertSink<InMemoryAlertSink>()
            .UseSqlite(databasePath)
            .AddHostedScheduler(o => o.MaxConcurrentRuns = 8);
        builder.Services.AddSingleton<IWorkRunObserver, Progress>();
        #endregion

        using var host = builder.Build();
        await host.StartAsync();
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Namespace == "Connect.Sdk.Hosting");
        await host.StopAsync();
    }

    [Fact]
    public void Telemetry_FromTheGuide_RegistersTheSdksSources()
    {
        var services = new ServiceCollection();

        #region snippet: scheduling-telemetry
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter("Connect.Sdk", "Connect.Sdk.Hosting"))
            .WithTracing(t => t.AddSource("Connect.Sdk", "Connect.Sdk.Hosting"));
        #endregion

        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Quartz_FromTheGuide_SchedulesTheJobInsteadOfTheHostedScheduler()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Services.AddConnectSdk()
            .UseInMemoryStores()
            .UseArticleCatalog<InMemoryArticleCatalog>()
            .UseStockSource<InMemoryStockSource>()
            .UseOrderSink<InMemoryOrderSink>()
            .UseAlertSink<InMemoryAlertSink>();
        builder.Services.AddQuartz(ConfigureQuartz);
        using var host = builder.Build();

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.True(await scheduler.Exists(new JobKey("connect-sdk"), CancellationToken.None));
        Assert.True(await scheduler.Exists(new TriggerKey("connect-sdk-every-10s"), CancellationToken.None));
        Assert.NotNull(ActivatorUtilities.CreateInstance<ConnectSdkJob>(host.Services));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void ConfigureQuartz(IQuartzBuilder q)
    {
        #region snippet: scheduling-quartz-registration
        // Every 10 seconds; plan.NextDueAt tells when the next work becomes due if you prefer one-shot triggers.
        q.AddJob<ConnectSdkJob>(j => j.WithIdentity("connect-sdk"));
        q.AddTrigger(t => t.ForJob("connect-sdk").WithIdentity("connect-sdk-every-10s")
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(10)).RepeatForever()));
        #endregion
    }
}

#region snippet: scheduling-observer
internal sealed class Progress : IWorkRunObserver
{
    private int _runs;

    public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
    {
        Console.WriteLine($"#{Interlocked.Increment(ref _runs)} {result}");   // WorkRunResult.ToString carries no secrets
        return ValueTask.CompletedTask;
    }
}
#endregion

#region snippet: scheduling-quartz-job
[DisallowConcurrentExecution]                 // Quartz: one pass at a time per scheduler
public sealed class ConnectSdkJob(SyncEngine engine, AlertDispatcher alerts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        DuePlan plan = await engine.GetDueWorkAsync(ct);
        await Parallel.ForEachAsync(
            plan.Due.GroupBy(item => item.Connection),        // one connection's items in order
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (connection, token) =>
            {
                foreach (var item in connection)
                {
                    WorkRunResult result = await engine.RunAsync(item, token);   // Completed, Busy, Refused or Failed
                }
            });
        await alerts.DispatchDueAsync(ct);
    }
}
#endregion
