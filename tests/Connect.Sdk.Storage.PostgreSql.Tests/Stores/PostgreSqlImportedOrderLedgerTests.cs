using Connect.Sdk.Orders;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlImportedOrderLedgerTests(PostgreSqlServer server) : ImportedOrderLedgerContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IImportedOrderLedger> CreateStoreAsync() => new PostgreSqlImportedOrderLedger(await _databases.OpenAsync());

    protected override ValueTask<IImportedOrderLedger> CreateSecondInstanceAsync(IImportedOrderLedger first) => CreateStoreAsync();

    // Another process's lease store on the same database: the leases fence the store's writes through the database alone.
    protected override async ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IImportedOrderLedger store) => new PostgreSqlWorkLeaseStore(await _databases.OpenAsync());

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
