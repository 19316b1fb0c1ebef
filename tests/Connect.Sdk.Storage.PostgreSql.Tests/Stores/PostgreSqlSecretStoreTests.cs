using Connect.Sdk.Settings;
using Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Connect.Sdk.Testing.XunitV3.Stores;

namespace Connect.Sdk.Storage.PostgreSql.Tests.Stores;

/// <summary>The PostgreSQL store, protecting its secrets, passes the store contract kit; the second instance is a second database object on the same database and keys.</summary>
public sealed class PostgreSqlSecretStoreTests(PostgreSqlServer server) : SecretStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);
    private readonly SecretKeys _keys = new();

    protected override async ValueTask<ISecretStore> CreateStoreAsync() => new PostgreSqlSecretStore(await _databases.OpenAsync(), _keys.Protector());

    protected override ValueTask<ISecretStore> CreateSecondInstanceAsync(ISecretStore first) => CreateStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        _keys.Dispose();
    }
}

/// <summary>The PostgreSQL store in plain text (the explicit opt-in) passes the store contract kit too.</summary>
public sealed class PostgreSqlPlainTextSecretStoreTests(PostgreSqlServer server) : SecretStoreContract, IAsyncDisposable
{
    private readonly PostgreSqlTestDatabases _databases = new(server);

    protected override async ValueTask<ISecretStore> CreateStoreAsync() => PostgreSqlSecretStore.DangerouslyInPlainText(await _databases.OpenAsync());

    protected override ValueTask<ISecretStore> CreateSecondInstanceAsync(ISecretStore first) => CreateStoreAsync();

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
