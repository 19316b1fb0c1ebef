using Connect.Sdk.Alerts;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.RateLimits;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.DependencyInjection;

/// <summary>UsePostgreSql puts its stores on the database, checks its options at start-up and never shows the password.</summary>
public sealed class UsePostgreSqlTests
{
    private const string ConnectionString = "Host=db.example;Database=connect;Username=connect;Password=s3cret-pw";

    public static TheoryData<Type, Type> Stores => new()
    {
        { typeof(IWorkLeaseStore), typeof(PostgreSqlWorkLeaseStore) },
        { typeof(IWorkScheduleStore), typeof(PostgreSqlWorkScheduleStore) },
        { typeof(IConnectionStore), typeof(PostgreSqlConnectionStore) },
        { typeof(IForeignNumberStore), typeof(PostgreSqlForeignNumberStore) },
        { typeof(IOrderStagingStore), typeof(PostgreSqlOrderStagingStore) },
        { typeof(IImportedOrderLedger), typeof(PostgreSqlImportedOrderLedger) },
        { typeof(IOrderStatusOutbox), typeof(PostgreSqlOrderStatusOutbox) },
        { typeof(IStockRulesStore), typeof(PostgreSqlStockRulesStore) },
        { typeof(IStockSyncStateStore), typeof(PostgreSqlStockSyncStateStore) },
        { typeof(IPriceRulesStore), typeof(PostgreSqlPriceRulesStore) },
        { typeof(IPriceSyncStateStore), typeof(PostgreSqlPriceSyncStateStore) },
        { typeof(IRateBudgetStore), typeof(PostgreSqlRateBudgetStore) },
        { typeof(IAlertSubscriptionStore), typeof(PostgreSqlAlertSubscriptionStore) },
        { typeof(ISecretStore), typeof(PostgreSqlSecretStore) },
        { typeof(IJournalStore), typeof(PostgreSqlJournalStore) },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public void UsePostgreSql_AfterInMemoryStores_ResolvesThePostgreSqlStore(Type service, Type implementation)
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().UsePostgreSql(ConnectionString);
        using var provider = services.BuildServiceProvider();

        Assert.IsType(implementation, provider.GetRequiredService(service));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void UsePostgreSql_WithTheHostsDataSource_ResolvesThePostgreSqlStore(Type service, Type implementation)
    {
        using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(dataSource);
        using var provider = services.BuildServiceProvider();

        Assert.IsType(implementation, provider.GetRequiredService(service));
    }

    [Fact]
    public void UseSecretStore_AfterUseInMemoryStoresAndBeforeUsePostgreSql_StillWins()
    {
        var vault = new VaultStandIn();
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().UseSecretStore(vault).UsePostgreSql(ConnectionString);
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public void UseSecretStore_AfterUsePostgreSql_Wins()
    {
        var vault = new InMemorySecretStore();
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(ConnectionString).UseSecretStore(vault);
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<ISecretStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ISecretStore));
    }

    [Fact]
    public void UsePostgreSql_EmptyConnectionString_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UsePostgreSql(" ");
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlDatabase_UnknownKeywordInTheConnectionString_FailsNamingTheOptionWithoutThePassword()
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = "Hots=db;Password=s3cret-pw" }));

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString is not an Npgsql connection string", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlDatabase_ToString_NamesTheDatabaseButNotThePassword()
    {
        using var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = ConnectionString });

        Assert.Equal("PostgreSQL database connect on db.example:5432", database.ToString());
    }

    /// <summary>A host's own secret store, as far as the registration can tell.</summary>
    private sealed class VaultStandIn : ISecretStore
    {
        private readonly InMemorySecretStore _inner = new();

        public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken) => _inner.GetAsync(connection, key, cancellationToken);

        public ValueTask SetAsync(ConnectionId connection, string key, SecretValue value, CancellationToken cancellationToken) => _inner.SetAsync(connection, key, value, cancellationToken);

        public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken) => _inner.RemoveAsync(connection, key, cancellationToken);
    }
}
