using Connect.Sdk.Journal;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite journal passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteJournalStoreTests : JournalStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IJournalStore> CreateStoreAsync() =>
        ValueTask.FromResult<IJournalStore>(new SqliteJournalStore(_files.Open()));

    protected override ValueTask<IJournalStore> CreateSecondInstanceAsync(IJournalStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
