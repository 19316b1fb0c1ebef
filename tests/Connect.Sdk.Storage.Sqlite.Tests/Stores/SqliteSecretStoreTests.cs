using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite.Tests.Secrets;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite secret store passes the store conformance kit; the second instance is a second database on the same file, with the same keys.</summary>
public sealed class SqliteSecretStoreTests : SecretStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();
    private readonly SecretKeys _keys = new();

    protected override ValueTask<ISecretStore> CreateStoreAsync() =>
        ValueTask.FromResult<ISecretStore>(new SqliteSecretStore(_files.Open(), _keys.Protector()));

    protected override ValueTask<ISecretStore> CreateSecondInstanceAsync(ISecretStore first) => CreateStoreAsync();

    public void Dispose()
    {
        _files.Dispose();
        _keys.Dispose();
    }
}

/// <summary>The plain-text opt-in still keeps the store's contract.</summary>
public sealed class SqlitePlainTextSecretStoreTests : SecretStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<ISecretStore> CreateStoreAsync() =>
        ValueTask.FromResult<ISecretStore>(SqliteSecretStore.DangerouslyInPlainText(_files.Open()));

    protected override ValueTask<ISecretStore> CreateSecondInstanceAsync(ISecretStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
