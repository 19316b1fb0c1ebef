using Connect.Sdk.Lifecycle;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite connection store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteConnectionStoreTests : ConnectionStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IConnectionStore> CreateStoreAsync() =>
        ValueTask.FromResult<IConnectionStore>(new SqliteConnectionStore(_files.Open()));

    protected override ValueTask<IConnectionStore> CreateSecondInstanceAsync(IConnectionStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
