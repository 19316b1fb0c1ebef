using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite foreign-number store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteForeignNumberStoreTests : ForeignNumberStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IForeignNumberStore> CreateStoreAsync() =>
        ValueTask.FromResult<IForeignNumberStore>(new SqliteForeignNumberStore(_files.Open()));

    protected override ValueTask<IForeignNumberStore> CreateSecondInstanceAsync(IForeignNumberStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
