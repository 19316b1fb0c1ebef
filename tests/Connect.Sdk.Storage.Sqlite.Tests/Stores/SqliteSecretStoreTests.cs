using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite secret store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteSecretStoreTests : SecretStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<ISecretStore> CreateStoreAsync() =>
        ValueTask.FromResult<ISecretStore>(new SqliteSecretStore(_files.Open()));

    protected override ValueTask<ISecretStore> CreateSecondInstanceAsync(ISecretStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
