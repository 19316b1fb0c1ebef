using Connect.Sdk.Shipments;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlOrderStatusOutboxTests(PostgreSqlServer server) : OrderStatusOutboxContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IOrderStatusOutbox> CreateStoreAsync() => new PostgreSqlOrderStatusOutbox(await _databases.OpenAsync());

    protected override ValueTask<IOrderStatusOutbox> CreateSecondInstanceAsync(IOrderStatusOutbox first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
