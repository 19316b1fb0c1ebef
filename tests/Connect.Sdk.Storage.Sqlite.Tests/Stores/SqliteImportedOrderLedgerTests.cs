using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

#region snippet: storage-store-kit
/// <summary>The SQLite ledger passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteImportedOrderLedgerTests : ImportedOrderLedgerContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IImportedOrderLedger> CreateStoreAsync() =>
        ValueTask.FromResult<IImportedOrderLedger>(new SqliteImportedOrderLedger(_files.Open()));

    protected override ValueTask<IImportedOrderLedger> CreateSecondInstanceAsync(IImportedOrderLedger first) => CreateStoreAsync();

    // Another process's lease store on the same file: the leases fence the store's writes through the database alone.
    protected override ValueTask<IWorkLeaseStore> GetLeaseStoreAsync(IImportedOrderLedger store) => ValueTask.FromResult<IWorkLeaseStore>(new SqliteWorkLeaseStore(_files.Open()));

    public void Dispose() => _files.Dispose();
}
#endregion
