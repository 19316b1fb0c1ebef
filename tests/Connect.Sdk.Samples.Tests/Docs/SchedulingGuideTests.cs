using Basar.Connector.DependencyInjection;
using System.Reflection;
using Basar.Connector;
using Basar.Connector.Fake;
using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Diagnostics;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Hosting;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
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
        services.AddOpenTelemetry()   // "Connect.Sdk" and "Connect.Sdk.Hosting"
            .WithMetrics(m => m.AddMeter(ConnectSdkDiagnostics.SourceName, HostingDiagnostics.SourceName))
            .WithTracing(t => t.AddSource(ConnectSdkDiagnostics.SourceName, HostingDiagnostics.SourceName));
        #endregion

        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.Equal(("Connect.Sdk", "Connect.Sdk.Hosting"), (ConnectSdkDiagnostics.SourceName, HostingDiagnostics.SourceName));
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

    [Fact]
    public async Task QuartzJob_FromTheGuide_RunsWhatIsDue()
    {
        await using var basar = BasarFake.Start("test-token-2e7a");
        await using var host = ConnectTestHost.Create(sdk => sdk.AddBasar());
        var connection = await host.CreateProductiveConnectionAsync(BasarConnector.Id, SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, basar.BaseAddress.ToString())
            .Set(BasarConnector.FallbackCarrierKey, "DHL")
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue("test-token-2e7a")));
        var mug = new ForeignNumber(BasarConnector.OfferIdLabel, "BA-4711");
        basar.SeedArticle(mug, stock: 0);
        await host.AddArticleAsync(connection, new Article("4711", "Coffee mug", ArticleKind.Simple), mug, onHand: 7);
        var job = new ConnectSdkJob(host.Engine, host.Get<AlertDispatcher>());

        // The job reads nothing from Quartz's context but the token Quartz passes beside it.
        await job.Execute(DispatchProxy.Create<IJobExecutionContext, UnusedContext>(), CancellationToken.None);

        Assert.Equal(7, basar.StockOf(mug));
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

/// <summary>Stands in for Quartz's context, which the guide's job does not read.</summary>
public class UnusedContext : DispatchProxy
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"The job read {targetMethod?.Name} from Quartz's context.");
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
