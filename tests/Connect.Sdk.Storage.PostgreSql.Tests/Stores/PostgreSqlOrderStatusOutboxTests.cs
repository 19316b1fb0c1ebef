using Connect.Sdk.Shipments;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlOrderStatusOutboxTests(PostgreSqlServer server) : OrderStatusOutboxContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IOrderStatusOutbox> CreateStoreAsync() => new PostgreSqlOrderStatusOutbox(await _databases.OpenAsync());

    protected override ValueTask<IOrderStatusOutbox> CreateSecondInstanceAsync(IOrderStatusOutbox first) => CreateStoreAsync();

    // Another process's lease store on the same database: the leases fence the store's writes through the database alone.
    protected override async ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IOrderStatusOutbox store) => new PostgreSqlWorkLeaseStore(await _databases.OpenAsync());

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
