using Connect.Sdk.ArticleSync;
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
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<MappedArticleCandidates>();

        // The price source is optional (see PriceSyncWork), and so are the price stores until every store package
        // supplies them; a run without them fails saying what is missing. Logging is the host's choice.
        services.TryAddSingleton(sp => new PriceSyncWork(
            sp.GetRequiredService<MappedArticleCandidates>(),
            sp.GetRequiredService<ManualWorkQueue>(),
            sp.GetRequiredService<SyncJournal>(),
            sp.GetRequiredService<Articles.IArticleCatalog>(),
            sp.GetService<IPriceSource>(),
            sp.GetService<IPriceRulesStore>(),
            sp.GetService<IPriceSyncStateStore>(),
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
        services.AddSingleton<IPriceSyncStateStore>(new InMemoryPriceSyncStateStore());
    }
}
