using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite staging store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteOrderStagingStoreTests : OrderStagingStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IOrderStagingStore> CreateStoreAsync() =>
        ValueTask.FromResult<IOrderStagingStore>(new SqliteOrderStagingStore(_files.Open()));

    protected override ValueTask<IOrderStagingStore> CreateSecondInstanceAsync(IOrderStagingStore first) => CreateStoreAsync();

    // Another process's lease store on the same file: the leases fence the store's writes through the database alone.
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IOrderStagingStore store) => ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    public void Dispose() => _files.Dispose();
}
