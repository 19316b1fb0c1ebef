using Connect.Sdk;
using Connect.Sdk.Alerts;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the DI namespace, like AddConnectSdk, so the method is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores on <c>AddConnectSdk()</c>.</summary>
public static class SqliteConnectSdkBuilderExtensions
{
    /// <summary>
    /// Keeps every store of the host SPI in one SQLite file: connections, journal, foreign numbers, order
    /// staging and ledger, leases and schedules, stock, price and alert state, and the marketplace accounts' rate budgets
    /// (which the HTTP clients share through the file only when asked to, see <c>docs/http.md</c>). The schema is created and migrated on
    /// first use. Secrets go to the file too, protected, unless the host supplies its own <see cref="ISecretStore"/>
    /// (see <c>docs/storage.md</c>); the in-memory one of an earlier <c>UseInMemoryStores</c> is replaced like the other stores.
    /// </summary>
    /// <remarks>
    /// Secrets are encrypted with ASP.NET Core Data Protection before they are written, its keys in
    /// <see cref="DataProtectionSecretProtector.DefaultKeysFolder"/> unless the host names another folder with
    /// <c>ProtectSecretsWithDataProtection</c> or registers its own <see cref="ISecretProtector"/>; rows an older package
    /// wrote in plain text are protected at start-up. <see cref="SqliteStoreOptions.DangerouslyStoreSecretsInPlainText"/>
    /// turns that off. A vault registered with <c>UseSecretStore</c> wins over the file whether it is called before or
    /// after <c>UseSqlite</c>.
    /// </remarks>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="path">The database file, e.g. <c>connect.db</c>.</param>
    /// <param name="configure">Changes further options.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder UseSqlite(this ConnectSdkBuilder builder, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SqliteStoreOptions>()
            .Configure(o =>
            {
                o.Path = path;
                configure?.Invoke(o);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.RemoveAll<SqliteDatabase>();
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));

        StoreRegistration.AddSecretStore<SqliteDatabase, SqliteSecretsOpening>(
            services,
            sp => sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.DangerouslyStoreSecretsInPlainText,
            SqliteSecretStore.DangerouslyInPlainText,
            (database, protector) => new SqliteSecretStore(database, protector));

        StoreRegistration.Replace<IConnectionStore, SqliteConnectionStore>(services);
        StoreRegistration.Replace<IJournalStore, SqliteJournalStore>(services);
        StoreRegistration.Replace<IForeignNumberStore, SqliteForeignNumberStore>(services);
        StoreRegistration.Replace<IWorkScheduleStore, SqliteWorkScheduleStore>(services);
        StoreRegistration.Replace<IImportedOrderLedger, SqliteImportedOrderLedger>(services);
        StoreRegistration.Replace<IOrderStagingStore, SqliteOrderStagingStore>(services);
        StoreRegistration.Replace<IOrderStatusOutbox, SqliteOrderStatusOutbox>(services);
        StoreRegistration.Replace<IWorkLeaseStore, SqliteWorkLeaseStore>(services);
        StoreRegistration.Replace<IStockRulesStore, SqliteStockRulesStore>(services);
        StoreRegistration.Replace<IStockSyncStateStore, SqliteStockSyncStateStore>(services);
        StoreRegistration.Replace<IPriceRulesStore, SqlitePriceRulesStore>(services);
        StoreRegistration.Replace<IPriceSyncStateStore, SqlitePriceSyncStateStore>(services);
        StoreRegistration.Replace<IAlertSubscriptionStore, SqliteAlertSubscriptionStore>(services);
        StoreRegistration.Replace<IRateBudgetStore, SqliteRateBudgetStore>(services);

        return builder;
    }
}
