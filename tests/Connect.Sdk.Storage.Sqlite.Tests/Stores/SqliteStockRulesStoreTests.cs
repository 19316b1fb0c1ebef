using Connect.Sdk.Stock;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite stock rules store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteStockRulesStoreTests : StockRulesStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IStockRulesStore> CreateStoreAsync() =>
        ValueTask.FromResult<IStockRulesStore>(new SqliteStockRulesStore(_files.Open()));

    protected override ValueTask<IStockRulesStore> CreateSecondInstanceAsync(IStockRulesStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
