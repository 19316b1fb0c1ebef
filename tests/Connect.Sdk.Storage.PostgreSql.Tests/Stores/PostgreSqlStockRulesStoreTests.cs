using Connect.Sdk.Stock;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlStockRulesStoreTests(PostgreSqlServer server) : StockRulesStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IStockRulesStore> CreateStoreAsync() => new PostgreSqlStockRulesStore(await _databases.OpenAsync());

    protected override ValueTask<IStockRulesStore> CreateSecondInstanceAsync(IStockRulesStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
