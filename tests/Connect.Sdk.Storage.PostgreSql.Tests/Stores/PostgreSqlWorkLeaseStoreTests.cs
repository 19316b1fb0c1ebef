using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL lease store passes the store contract kit on the callers' clock; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlWorkLeaseStoreTests(PostgreSqlServer server) : WorkLeaseStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IWorkLeaseStore> CreateStoreAsync() => new PostgreSqlWorkLeaseStore(await _databases.OpenAsync());

    protected override ValueTask<IWorkLeaseStore> CreateSecondInstanceAsync(IWorkLeaseStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
