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
using Connect.Sdk.Storage.PostgreSql;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

// In the DI namespace, like AddConnectSdk, so the method is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores on <c>AddConnectSdk()</c>.</summary>
public static class PostgreSqlConnectSdkBuilderExtensions
{
    /// <summary>
    /// Keeps every store of the host SPI in one PostgreSQL database that many worker processes share: connections,
    /// journal, foreign numbers, order staging and ledger, outbox, leases and schedules, stock, price and alert state, and
    /// the marketplace accounts' rate budgets. The schema is created and migrated on first use. Leases are judged by the
    /// database's clock unless <see cref="PostgreSqlStoreOptions.Clock"/> says otherwise. Secrets go to the database too,
    /// protected, unless the host supplies its own <see cref="Connect.Sdk.Settings.ISecretStore"/> (see <c>docs/storage.md</c>).
    /// </summary>
    /// <remarks>
    /// Secrets are encrypted with ASP.NET Core Data Protection before they are written, as by <c>UseSqlite</c>: its keys in
    /// <see cref="DataProtectionSecretProtector.DefaultKeysFolder"/> unless the host names another folder with
    /// <c>ProtectSecretsWithDataProtection</c> or registers its own <see cref="ISecretProtector"/>; rows an older package
    /// wrote in plain text are protected at start-up. <see cref="PostgreSqlStoreOptions.DangerouslyStoreSecretsInPlainText"/>
    /// turns that off. A vault registered with <c>UseSecretStore</c> wins over the database whether it is called before or
    /// after <c>UsePostgreSql</c>.
    /// </remarks>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="connectionString">The Npgsql connection string; it is never logged.</param>
    /// <param name="configure">Changes further options, e.g. the clock.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder UsePostgreSql(this ConnectSdkBuilder builder, string connectionString, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddOptions(services, configure, o => o.ConnectionString = connectionString, hostSuppliesDataSource: false);
        services.RemoveAll<PostgreSqlDatabase>();
        services.AddSingleton(sp => new PostgreSqlDatabase(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        return AddStores(builder);
    }

    /// <summary>
    /// Keeps the SDK's stores in the database of a data source the host built (with its own pooling, logging or
    /// authentication) and disposes itself. Otherwise like <see cref="UsePostgreSql(ConnectSdkBuilder, string, Action{PostgreSqlStoreOptions}?)"/>.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="dataSource">The host's data source.</param>
    /// <param name="configure">Changes further options, e.g. the clock.</param>
    /// <returns>The builder.</returns>
    public static ConnectSdkBuilder UsePostgreSql(this ConnectSdkBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var services = builder.Services;
        AddOptions(services, configure, _ => { }, hostSuppliesDataSource: true);
        services.RemoveAll<PostgreSqlDatabase>();
        services.AddSingleton(sp => new PostgreSqlDatabase(dataSource, sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        return AddStores(builder);
    }

    private static void AddOptions(IServiceCollection services, Action<PostgreSqlStoreOptions>? configure, Action<PostgreSqlStoreOptions> set, bool hostSuppliesDataSource)
    {
        services.AddOptions<PostgreSqlStoreOptions>()
            .Configure(o =>
            {
                set(o);
                configure?.Invoke(o);
            })
            .ValidateOnStart();
        services.RemoveAll<IValidateOptions<PostgreSqlStoreOptions>>();
        services.AddSingleton<IValidateOptions<PostgreSqlStoreOptions>>(new PostgreSqlStoreOptionsValidator(hostSuppliesDataSource));
    }

    private static ConnectSdkBuilder AddStores(ConnectSdkBuilder builder)
    {
        StoreRegistration.AddSecretStore<PostgreSqlDatabase, PostgreSqlSecretsOpening>(
            builder.Services,
            sp => sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.DangerouslyStoreSecretsInPlainText,
            PostgreSqlSecretStore.DangerouslyInPlainText,
            (database, protector) => new PostgreSqlSecretStore(database, protector));
        StoreRegistration.Replace<IWorkLeaseStore, PostgreSqlWorkLeaseStore>(builder.Services);
        StoreRegistration.Replace<IWorkScheduleStore, PostgreSqlWorkScheduleStore>(builder.Services);
        StoreRegistration.Replace<IConnectionStore, PostgreSqlConnectionStore>(builder.Services);
        StoreRegistration.Replace<IForeignNumberStore, PostgreSqlForeignNumberStore>(builder.Services);
        StoreRegistration.Replace<IOrderStagingStore, PostgreSqlOrderStagingStore>(builder.Services);
        StoreRegistration.Replace<IImportedOrderLedger, PostgreSqlImportedOrderLedger>(builder.Services);
        StoreRegistration.Replace<IOrderStatusOutbox, PostgreSqlOrderStatusOutbox>(builder.Services);
        StoreRegistration.Replace<IStockRulesStore, PostgreSqlStockRulesStore>(builder.Services);
        StoreRegistration.Replace<IStockSyncStateStore, PostgreSqlStockSyncStateStore>(builder.Services);
        StoreRegistration.Replace<IPriceRulesStore, PostgreSqlPriceRulesStore>(builder.Services);
        StoreRegistration.Replace<IPriceSyncStateStore, PostgreSqlPriceSyncStateStore>(builder.Services);
        StoreRegistration.Replace<IRateBudgetStore, PostgreSqlRateBudgetStore>(builder.Services);
        StoreRegistration.Replace<IAlertSubscriptionStore, PostgreSqlAlertSubscriptionStore>(builder.Services);
        StoreRegistration.Replace<IJournalStore, PostgreSqlJournalStore>(builder.Services);
        AddDatabaseClock(builder.Services);
        return builder;
    }

    // Leases lapse by the database server's clock; the SDK's own clock follows it too, so due work is judged by the same
    // time. A clock the host chose (UseClock, before or after this call) is left alone, and so is the local clock when
    // the options say Caller.
    private static void AddDatabaseClock(IServiceCollection services)
    {
        services.RemoveAll<DatabaseServerClock>();
        services.AddSingleton(sp => new DatabaseServerClock(sp.GetRequiredService<PostgreSqlDatabase>(), SystemClock.Instance));
        // Logging and TimeProvider are optional here, as for the stores: a host that never added logging still starts.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DatabaseClockSynchronization>(sp => new DatabaseClockSynchronization(
            sp.GetRequiredService<DatabaseServerClock>(),
            sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<DatabaseClockSynchronization>>() ?? NullLogger<DatabaseClockSynchronization>.Instance)));
        var current = services.LastOrDefault(d => d.ServiceType == typeof(IClock));
        var hostChoseAClock = current is not null
            && !ReferenceEquals(current.ImplementationInstance, SystemClock.Instance)
            && !IsDatabaseClockFactory(current);
        if (hostChoseAClock)
        {
            return;
        }

        services.RemoveAll<IClock>();
        services.AddSingleton<IClock>(DatabaseClockOrLocal);
    }

    private static bool IsDatabaseClockFactory(ServiceDescriptor descriptor) =>
        descriptor.ImplementationFactory?.Method == ((Func<IServiceProvider, IClock>)DatabaseClockOrLocal).Method;

    private static IClock DatabaseClockOrLocal(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.Clock == PostgreSqlClock.Database
            ? services.GetRequiredService<DatabaseServerClock>()
            : SystemClock.Instance;
}
