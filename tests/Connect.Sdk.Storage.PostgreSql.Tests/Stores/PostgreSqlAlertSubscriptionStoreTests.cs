using Connect.Sdk.Alerts;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlAlertSubscriptionStoreTests(PostgreSqlServer server) : AlertSubscriptionStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IAlertSubscriptionStore> CreateStoreAsync() => new PostgreSqlAlertSubscriptionStore(await _databases.OpenAsync());

    protected override ValueTask<IAlertSubscriptionStore> CreateSecondInstanceAsync(IAlertSubscriptionStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
