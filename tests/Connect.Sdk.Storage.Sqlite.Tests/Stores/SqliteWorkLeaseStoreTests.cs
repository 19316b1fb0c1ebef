using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite lease store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteWorkLeaseStoreTests : WorkLeaseStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IWorkLeaseStore> CreateStoreAsync() =>
        ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    protected override ValueTask<IWorkLeaseStore> CreateSecondInstanceAsync(IWorkLeaseStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
