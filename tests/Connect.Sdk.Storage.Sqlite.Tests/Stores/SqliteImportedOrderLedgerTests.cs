using Connect.Sdk.Orders;
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

    public void Dispose() => _files.Dispose();
}
#endregion
