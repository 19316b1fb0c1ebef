using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect.Sdk.Stock;

/// <summary>Registers the stock sync services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class StockSyncServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check.</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } =
    [
        new(typeof(IStockRulesStore), "each connection's stock rules", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IStockSyncStateStore), "the stock last sent per article", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
    ];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ArticleSync.MappedArticleCandidates>();
        // Logging is the host's choice: without AddLogging the SDK logs nowhere instead of failing to resolve ILogger<T>.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<StockSyncWork>(sp, ConnectSdkServiceCollectionExtensions.LoggerFor<StockSyncWork>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, StockSyncRunner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, StockReconcileRunner>());
        services.TryAddSingleton(sp => new StockSync(
            sp.GetRequiredService<IConnectionStore>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<Articles.IArticleCatalog>(),
            sp.GetRequiredService<IStockRulesStore>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<StockSync>(sp)));
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IStockRulesStore>();
        services.AddSingleton<IStockRulesStore>(new InMemoryStockRulesStore());
        services.RemoveAll<IStockSyncStateStore>();
        services.AddSingleton<IStockSyncStateStore>(sp => new InMemoryStockSyncStateStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
    }
}
