using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite order status outbox passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteOrderStatusOutboxTests : OrderStatusOutboxContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IOrderStatusOutbox> CreateStoreAsync() =>
        ValueTask.FromResult<IOrderStatusOutbox>(new SqliteOrderStatusOutbox(_files.Open()));

    protected override ValueTask<IOrderStatusOutbox> CreateSecondInstanceAsync(IOrderStatusOutbox first) => CreateStoreAsync();

    // Another process's lease store on the same file: the leases fence the store's writes through the database alone.
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IOrderStatusOutbox store) => ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    public void Dispose() => _files.Dispose();
}
