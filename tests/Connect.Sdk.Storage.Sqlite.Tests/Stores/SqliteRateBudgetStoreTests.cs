using Connect.Sdk.RateLimits;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite rate budget store passes the store contract; the second instance is a second database on the same file.</summary>
public sealed class SqliteRateBudgetStoreTests : RateBudgetStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IRateBudgetStore> CreateStoreAsync() =>
        ValueTask.FromResult<IRateBudgetStore>(new SqliteRateBudgetStore(_files.Open()));

    protected override ValueTask<IRateBudgetStore> CreateSecondInstanceAsync(IRateBudgetStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
