using Connect.Sdk.ArticleSync;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connect.Sdk.Prices;

/// <summary>Registers the price sync services; called by <c>AddConnectSdk</c> and <c>UseInMemoryStores</c>.</summary>
internal static class PriceSyncServices
{
    /// <summary>The stores of this area the host must supply, for the start-up check; the price source is optional (see <see cref="PriceSyncWork"/>).</summary>
    public static IReadOnlyList<HostServiceRequirement> Requirements { get; } =
    [
        new(typeof(IPriceRulesStore), "each connection's price rules", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
        new(typeof(IPriceSyncStateStore), "the prices last sent per article", "a store package such as UseSqlite(...), or UseInMemoryStores()"),
    ];

    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<MappedArticleCandidates>();

        // The price source is optional (see PriceSyncWork); logging is the host's choice.
        services.TryAddSingleton(sp => new PriceSyncWork(
            sp.GetRequiredService<MappedArticleCandidates>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<Articles.IArticleCatalog>(),
            sp.GetService<IPriceSource>(),
            sp.GetRequiredService<IPriceRulesStore>(),
            sp.GetRequiredService<IPriceSyncStateStore>(),
            sp.GetRequiredService<IForeignNumberStore>(),
            sp.GetRequiredService<ForeignNumberRules>(),
            sp.GetRequiredService<ForeignNumberResolver>(),
            sp.GetRequiredService<IClock>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<PriceSyncWork>(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, PriceSyncRunner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkRunner, PriceReconcileRunner>());
        services.TryAddSingleton(sp => new PriceSync(
            sp.GetRequiredService<Lifecycle.IConnectionStore>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<Articles.IArticleCatalog>(),
            sp.GetRequiredService<IPriceRulesStore>(),
            ConnectSdkServiceCollectionExtensions.LoggerFor<PriceSync>(sp)));
    }

    public static void AddInMemoryStores(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IPriceRulesStore>();
        services.AddSingleton<IPriceRulesStore>(new InMemoryPriceRulesStore());
        services.RemoveAll<IPriceSyncStateStore>();
        services.AddSingleton<IPriceSyncStateStore>(sp => new InMemoryPriceSyncStateStore(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
    }
}
