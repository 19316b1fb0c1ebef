using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite stock sync state store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteStockSyncStateStoreTests : StockSyncStateStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IStockSyncStateStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStockSyncStateStore>(new SqliteStockSyncStateStore(_files.Open()));

    protected override ValueTask<IStockSyncStateStore> CreateSecondInstanceAsync(IStockSyncStateStore first) => CreateStoreAsync();

    // Another process's lease store on the same file: the leases fence the store's writes through the database alone.
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IStockSyncStateStore store) => ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    public void Dispose() => _files.Dispose();
}
