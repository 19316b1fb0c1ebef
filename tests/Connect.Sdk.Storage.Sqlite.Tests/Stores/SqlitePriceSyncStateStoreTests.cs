using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite price sync state store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqlitePriceSyncStateStoreTests : PriceSyncStateStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IPriceSyncStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IPriceSyncStateStore>(new SqlitePriceSyncStateStore(_files.Open()));

    protected override ValueTask<IPriceSyncStateStore> CreateSecondInstanceAsync(IPriceSyncStateStore first) => CreateStoreAsync();

    // Another process's lease store on the same file: the leases fence the store's writes through the database alone.
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IPriceSyncStateStore store) => ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    public void Dispose() => _files.Dispose();
}
