using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Connect.Sdk.DependencyInjection;

/// <summary>
/// Configures Connect.Sdk: registers connectors and the host's services. Returned by
/// <c>services.AddConnectSdk()</c>; store, hosting and connector packages add their own extension methods
/// to it (<c>UseSqlite</c>, <c>AddHostedScheduler</c>, <c>AddShopify</c>).
/// </summary>
public sealed class ConnectSdkBuilder
{
    internal ConnectSdkBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for packages that extend the builder.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a connector type; it is created once and serves every connection of its kind.</summary>
    /// <typeparam name="TConnector">The connector.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder AddConnector<TConnector>()
        where TConnector : class, IConnector
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnector, TConnector>());
        return this;
    }

    /// <summary>Registers a connector instance.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder AddConnector(IConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        Services.AddSingleton(connector);
        return this;
    }

    /// <summary>
    /// Keeps every store and the secrets in process memory: for tests and demos, since everything is lost
    /// when the process ends. Production hosts use a store package such as <c>Connect.Sdk.Storage.Sqlite</c>.
    /// The stores whose writes a run's lease fences (staging, ledger, last sent stock and prices, status outbox) check
    /// the leases of the <see cref="InMemoryWorkLeaseStore"/> registered here, which is also the <see cref="IWorkLeaseStore"/>:
    /// a test that shares one lease store between two hosts replaces the <see cref="InMemoryWorkLeaseStore"/>.
    /// </summary>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseInMemoryStores()
    {
        Replace<IConnectionStore>(new InMemoryConnectionStore());
        Replace<ISecretStore>(new InMemorySecretStore());
        Replace<IForeignNumberStore>(new InMemoryForeignNumberStore());
        Replace<IJournalStore>(new InMemoryJournalStore());
        Services.RemoveAll<InMemoryWorkLeaseStore>();
        Services.AddSingleton(new InMemoryWorkLeaseStore());
        Services.RemoveAll<IWorkLeaseStore>();
        Services.AddSingleton<IWorkLeaseStore>(sp => sp.GetRequiredService<InMemoryWorkLeaseStore>());
        Services.RemoveAll<IImportedOrderLedger>();
        Services.AddSingleton<IImportedOrderLedger>(sp => new InMemoryImportedOrderLedger(sp.GetRequiredService<InMemoryWorkLeaseStore>()));
        Replace<IWorkScheduleStore>(new InMemoryWorkScheduleStore());
        StockSyncServices.AddInMemoryStores(Services);
        PriceSyncServices.AddInMemoryStores(Services);
        OrderImportServices.AddInMemoryStores(Services);
        OrderStatusExportServices.AddInMemoryStores(Services);
        AlertServices.AddInMemoryStores(Services);
        return this;
    }

    /// <summary>
    /// Changes the foreign-number table, e.g. to add the labels of a partner's connector. The SDK starts from
    /// <see cref="ForeignNumberRules.Default"/>; calls are applied in order.
    /// </summary>
    /// <param name="configure">Returns the changed rules, e.g. <c>rules =&gt; rules.With(new ForeignNumberRule(...))</c>.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder ConfigureForeignNumberRules(Func<ForeignNumberRules, ForeignNumberRules> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton(new ForeignNumberRulesChange(configure));
        return this;
    }

    /// <summary>Supplies the ERP's articles.</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseArticleCatalog<T>()
        where T : class, IArticleCatalog => Replace<IArticleCatalog, T>();

    /// <summary>Supplies the ERP's articles.</summary>
    /// <param name="catalog">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseArticleCatalog(IArticleCatalog catalog) => Replace(catalog);

    /// <summary>Supplies the ERP's stock levels.</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseStockSource<T>()
        where T : class, IStockSource => Replace<IStockSource, T>();

    /// <summary>Supplies the ERP's stock levels.</summary>
    /// <param name="source">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseStockSource(IStockSource source) => Replace(source);

    /// <summary>Supplies the ERP's prices; only needed when a connection syncs prices (a price run without one fails, saying so).</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UsePriceSource<T>()
        where T : class, IPriceSource => Replace<IPriceSource, T>();

    /// <summary>Supplies the ERP's prices; only needed when a connection syncs prices (a price run without one fails, saying so).</summary>
    /// <param name="source">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UsePriceSource(IPriceSource source) => Replace(source);

    /// <summary>Supplies the ERP's order intake.</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseOrderSink<T>()
        where T : class, IOrderSink => Replace<IOrderSink, T>();

    /// <summary>Supplies the ERP's order intake.</summary>
    /// <param name="sink">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseOrderSink(IOrderSink sink) => Replace(sink);

    /// <summary>Supplies alert delivery.</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseAlertSink<T>()
        where T : class, IAlertSink => Replace<IAlertSink, T>();

    /// <summary>Supplies alert delivery.</summary>
    /// <param name="sink">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseAlertSink(IAlertSink sink) => Replace(sink);

    /// <summary>Supplies where connection secrets are kept (a key vault, the ERP's encrypted settings).</summary>
    /// <typeparam name="T">The host's implementation.</typeparam>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseSecretStore<T>()
        where T : class, ISecretStore => Replace<ISecretStore, T>();

    /// <summary>Supplies where connection secrets are kept.</summary>
    /// <param name="store">The host's instance.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseSecretStore(ISecretStore store) => Replace(store);

    /// <summary>Replaces the system clock, e.g. with NodaTime.Testing's <c>FakeClock</c> in tests.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>This builder.</returns>
    public ConnectSdkBuilder UseClock(IClock clock) => Replace(clock);

    private ConnectSdkBuilder Replace<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.RemoveAll<TService>();
        Services.AddSingleton<TService, TImplementation>();
        return this;
    }

    private ConnectSdkBuilder Replace<TService>(TService instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        Services.RemoveAll<TService>();
        Services.AddSingleton(instance);
        return this;
    }
}
