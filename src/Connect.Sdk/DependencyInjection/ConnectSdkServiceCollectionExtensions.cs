using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Alerts;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Migration;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

// Lives in the DI namespace, like other libraries' Add* methods, so that AddConnectSdk is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Connect.Sdk with a service collection.</summary>
public static class ConnectSdkServiceCollectionExtensions
{
    /// <summary>
    /// Adds Connect.Sdk. Configure connectors and the host's services on the returned builder; the options
    /// and the presence of every service the host must supply are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the SDK-wide options, if needed.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddConnectSdk()
    ///     .AddConnector&lt;MyMarketplaceConnector&gt;()
    ///     .UseArticleCatalog&lt;ErpArticles&gt;()
    ///     .UseStockSource&lt;ErpStock&gt;()
    ///     .UseOrderSink&lt;ErpOrders&gt;()
    ///     .UseAlertSink&lt;ErpInbox&gt;()
    ///     .UseInMemoryStores();
    /// </code>
    /// </example>
    public static ConnectSdkBuilder AddConnectSdk(this IServiceCollection services, Action<ConnectSdkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConnectSdkOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectSdkOptions>, ConnectSdkOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectSdkOptions>, HostServicesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectSdkOptions>, ConnectorSetupValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ConnectorRegistry(sp.GetServices<IConnector>()));
        services.TryAddSingleton(sp => sp.GetServices<ForeignNumberRulesChange>()
            .Aggregate(ForeignNumberRules.Default, (rules, change) => change.Apply(rules)));
        // Logging is the host's choice: without AddLogging the SDK logs nowhere instead of failing to resolve ILogger<T>.
        services.TryAddSingleton(sp => new ConnectionLifecycle(
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<ConnectorRegistry>(),
            sp.GetRequiredService<ISecretStore>(),
            sp.GetRequiredService<IClock>(),
            LoggerFor<ConnectionLifecycle>(sp),
            new ScheduledStockHold(sp.GetRequiredService<SyncJournal>())));
        services.TryAddSingleton(sp => new SyncJournal(
            sp.GetRequiredService<IJournalStore>(), sp.GetRequiredService<IClock>(), ConfiguredJournalHistoryLines.Read(sp)));
        services.TryAddSingleton<WorkScheduleBook>();
        services.TryAddSingleton<SyncPlanner>();
        services.TryAddSingleton<RunJournal>();
        services.TryAddSingleton<ManualWorkQueue>();
        services.TryAddSingleton(sp => new SyncEngine(
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<ConnectorRegistry>(),
            sp.GetRequiredService<ISecretStore>(),
            sp.GetRequiredService<IWorkLeaseStore>(),
            sp.GetRequiredService<WorkScheduleBook>(),
            sp.GetRequiredService<SyncPlanner>(),
            sp.GetRequiredService<RunJournal>(),
            sp.GetServices<IWorkRunner>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConnectSdkOptions>>(),
            LoggerFor<SyncEngine>(sp)));
        StockSyncServices.Add(services);
        PriceSyncServices.Add(services);
        OrderImportServices.Add(services);
        OrderStatusExportServices.Add(services);
        AlertServices.Add(services);
        services.TryAddSingleton<ForeignNumberResolver>();
        services.TryAddSingleton<ForeignNumberImporter>();
        services.TryAddSingleton<ForeignNumberExporter>();
        services.TryAddSingleton<ClassicConnectionMigration>();
        return new ConnectSdkBuilder(services);
    }

    /// <summary>Returns the host's logger, or a logger that logs nowhere when the host did not call <c>AddLogging</c>.</summary>
    /// <typeparam name="T">The category.</typeparam>
    /// <param name="services">The provider.</param>
    /// <returns>The logger.</returns>
    internal static ILogger<T> LoggerFor<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
