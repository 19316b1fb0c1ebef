using Connect.Sdk.Prices;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite price rules store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqlitePriceRulesStoreTests : PriceRulesStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IPriceRulesStore> CreateStoreAsync() =>
        ValueTask.FromResult<IPriceRulesStore>(new SqlitePriceRulesStore(_files.Open()));

    protected override ValueTask<IPriceRulesStore> CreateSecondInstanceAsync(IPriceRulesStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
