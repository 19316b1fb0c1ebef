using Connect.Sdk.Alerts;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Storage.Sqlite.Tests.DependencyInjection;

/// <summary>UseSqlite puts every store on the SQLite file, except the secrets when the host brings its own vault.</summary>
public sealed class UseSqliteTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public static TheoryData<Type, Type> Stores => new()
    {
        { typeof(IImportedOrderLedger), typeof(SqliteImportedOrderLedger) },
        { typeof(IOrderStagingStore), typeof(SqliteOrderStagingStore) },
        { typeof(IOrderStatusOutbox), typeof(SqliteOrderStatusOutbox) },
        { typeof(IWorkLeaseStore), typeof(SqliteWorkLeaseStore) },
        { typeof(IStockRulesStore), typeof(SqliteStockRulesStore) },
        { typeof(IStockSyncStateStore), typeof(SqliteStockSyncStateStore) },
        { typeof(IPriceRulesStore), typeof(SqlitePriceRulesStore) },
        { typeof(IPriceSyncStateStore), typeof(SqlitePriceSyncStateStore) },
        { typeof(IAlertSubscriptionStore), typeof(SqliteAlertSubscriptionStore) },
        { typeof(ISecretStore), typeof(SqliteSecretStore) },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public void UseSqlite_AfterInMemoryStores_ResolvesTheSqliteStore(Type service, Type implementation)
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.IsType(implementation, provider.GetRequiredService(service));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void UseSqlite_AfterUseInMemoryStores_ReplacesEveryStoreSecretsIncluded(Type service, Type implementation)
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        // Secrets in memory beside connections in the file would be lost at a restart while the file says they are set.
        Assert.IsType(implementation, provider.GetRequiredService(service));
    }

    [Fact]
    public void UseSecretStore_AfterUseInMemoryStoresAndBeforeUseSqlite_StillWins()
    {
        var vault = new VaultStandIn();
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().UseSecretStore(vault).UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public void UseSecretStore_BeforeUseSqlite_Wins()
    {
        var vault = new InMemorySecretStore();
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSecretStore(vault).UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<ISecretStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ISecretStore));
    }

    [Fact]
    public void UseSecretStore_AfterUseSqlite_Wins()
    {
        var vault = new InMemorySecretStore();
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath).UseSecretStore(vault);
        using var provider = services.BuildServiceProvider();

        Assert.Same(vault, provider.GetRequiredService<ISecretStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ISecretStore));
    }

    [Fact]
    public void UseSqlite_EveryStore_SharesOneDatabase()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<SqliteDatabase>());
        Assert.Equal(Path.GetFullPath(_files.DefaultPath), provider.GetRequiredService<SqliteDatabase>().Path);
    }

    /// <summary>A host's own secret store, as far as the registration can tell.</summary>
    private sealed class VaultStandIn : ISecretStore
    {
        private readonly InMemorySecretStore _inner = new();

        public ValueTask<SecretValue?> GetAsync(ConnectionId connection, string key, CancellationToken cancellationToken) => _inner.GetAsync(connection, key, cancellationToken);

        public ValueTask SetAsync(ConnectionId connection, string key, SecretValue value, CancellationToken cancellationToken) => _inner.SetAsync(connection, key, value, cancellationToken);

        public ValueTask RemoveAsync(ConnectionId connection, string key, CancellationToken cancellationToken) => _inner.RemoveAsync(connection, key, cancellationToken);
    }

    public void Dispose() => _files.Dispose();
}
