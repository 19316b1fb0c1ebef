using Connect.Sdk.Sync;
using Connect.Sdk.Testing.Stores;

namespace Connect.Sdk.Storage.Sqlite.Tests.Stores;

/// <summary>The SQLite work-schedule store passes the store conformance kit; the second instance is a second database on the same file.</summary>
public sealed class SqliteWorkScheduleStoreTests : WorkScheduleStoreContract, IDisposable
{
    private readonly SqliteTestFiles _files = new();

    protected override ValueTask<IWorkScheduleStore> CreateStoreAsync() =>
        ValueTask.FromResult<IWorkScheduleStore>(new SqliteWorkScheduleStore(_files.Open()));

    protected override ValueTask<IWorkScheduleStore> CreateSecondInstanceAsync(IWorkScheduleStore first) => CreateStoreAsync();

    public void Dispose() => _files.Dispose();
}
