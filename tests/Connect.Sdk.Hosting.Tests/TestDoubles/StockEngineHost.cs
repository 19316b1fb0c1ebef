using Connect.Sdk.Articles;
using Connect.Sdk.Alerts;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Hosting.Tests.TestDoubles;

/// <summary>
/// A generic host running the hosted scheduler over the core's real engine, with in-memory stores, on fake time, and a
/// <see cref="StockMarketplace"/> whose connections take the stock of one article. Several such hosts can share one
/// set of stores, as worker processes share one database.
/// </summary>
internal static class StockEngineHost
{
    private static readonly Actor User = new("anna");

    /// <summary>Builds a host; with <paramref name="sharingStoresOf"/>, its stores are those of that host's services.</summary>
    public static IHost Build(FakeTimeProvider time, IWorkRunObserver observer, IServiceProvider? sharingStoresOf = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(observer);
        var market = new StockMarketplace();
        builder.Services.AddSingleton(market);
        var sdk = builder.Services.AddConnectSdk()
            .AddConnector(market)
            .ConfigureForeignNumberRules(rules => rules.With(StockMarketplace.Rule))
            .UseClock(new TimeProviderClock(time))
            .UseArticleCatalog(new InMemoryArticleCatalog().Add(new Article("A-1", "Mug", ArticleKind.Simple) { StockSyncEnabled = true }))
            .UseStockSource(new InMemoryStockSource().Set("A-1", 7))
            .UseOrderSink(new InMemoryOrderSink())
            .UseAlertSink(new InMemoryAlertSink())
            .UseInMemoryStores();
        if (sharingStoresOf is not null)
        {
            foreach (var store in InMemoryStoreTypes())
            {
                builder.Services.RemoveAll(store);
                builder.Services.AddSingleton(store, _ => sharingStoresOf.GetRequiredService(store));
            }
        }

        sdk.AddHostedScheduler(o => o.StartSpread = NodaTime.Duration.Zero);
        return builder.Build();
    }

    /// <summary>The host's marketplace, which remembers the stock sent to it.</summary>
    public static StockMarketplace Market(IHost host) => host.Services.GetRequiredService<StockMarketplace>();

    public static HostedScheduler Scheduler(IHost host) => Assert.IsType<HostedScheduler>(Assert.Single(host.Services.GetServices<IHostedService>()));

    /// <summary>Creates a productive connection whose stock feature sends article A-1 as "SKU-1".</summary>
    public static async Task<ConnectionId> CreateProductiveStockConnectionAsync(IServiceProvider services, string id = "stock-1")
    {
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var connection = new ConnectionId(id);
        await Ok(lifecycle.CreateAsync(connection, StockMarketplace.Id, "Stock shop", User, default));
        await Ok(lifecycle.RunConnectionCheckAsync(connection, User, default));
        await Ok(lifecycle.SetFeatureModeAsync(connection, FeatureKind.Stock, FeatureMode.Integration, User, default));
        await Ok(lifecycle.SetImportModeAsync(connection, ImportMode.Automatic, User, default));
        var report = await services.GetRequiredService<ForeignNumberImporter>().ImportAsync(
            connection, StockMarketplace.Id, [new ForeignNumberRow("A-1", StockMarketplace.Label.Value, "SKU-1")], default);
        Assert.True(report.IsComplete, string.Join("; ", report.Issues));

        // Productive last: from here on the scheduler may run the connection's work.
        await Ok(lifecycle.SetProductiveModeAsync(connection, true, User, default));
        return connection;
    }

    /// <summary>Waits (without sleeping or polling) until every scheduler waits with nothing pending and no run going.</summary>
    public static Task SettleAsync(params HostedScheduler[] schedulers) =>
        Until.HoldsAsync(
            () => schedulers.All(s => s.Pacer.WhenIdle.IsCompleted && s.InFlight.Started == s.InFlight.Ended),
            () => schedulers.SelectMany(s => (IEnumerable<Task>)[s.InFlight.NextChange, .. SchedulerHarness.PendingIdle(s)]),
            () => string.Join("; ", schedulers.Select(s => $"idle {s.Pacer.WhenIdle.IsCompleted}, {s.InFlight.Started} started, {s.InFlight.Ended} ended")));

    // The services UseInMemoryStores registers beyond what AddConnectSdk does: the stores a second host shares.
    private static IReadOnlyList<Type> InMemoryStoreTypes()
    {
        var bare = new ServiceCollection();
        bare.AddConnectSdk();
        var withStores = new ServiceCollection();
        withStores.AddConnectSdk().UseInMemoryStores();
        var registered = bare.Select(d => d.ServiceType).ToHashSet();
        return [.. withStores.Select(d => d.ServiceType).Where(t => !registered.Contains(t)).Distinct()];
    }

    private static async Task Ok(Task<LifecycleResult> step)
    {
        var result = await step;
        Assert.True(result.Succeeded, result.ToString());
    }
}
