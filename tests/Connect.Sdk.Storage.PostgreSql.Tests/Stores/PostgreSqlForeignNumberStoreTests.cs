using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlForeignNumberStoreTests(PostgreSqlServer server) : ForeignNumberStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IForeignNumberStore> CreateStoreAsync() => new PostgreSqlForeignNumberStore(await _databases.OpenAsync());

    protected override ValueTask<IForeignNumberStore> CreateSecondInstanceAsync(IForeignNumberStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
