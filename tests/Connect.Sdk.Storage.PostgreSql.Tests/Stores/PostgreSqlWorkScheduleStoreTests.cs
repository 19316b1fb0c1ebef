using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL schedule store passes the store contract kit; the second instance is a second database object on the same database.</summary>
public sealed class PostgreSqlWorkScheduleStoreTests(PostgreSqlServer server) : WorkScheduleStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<IWorkScheduleStore> CreateStoreAsync() => new PostgreSqlWorkScheduleStore(await _databases.OpenAsync());

    protected override ValueTask<IWorkScheduleStore> CreateSecondInstanceAsync(IWorkScheduleStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
