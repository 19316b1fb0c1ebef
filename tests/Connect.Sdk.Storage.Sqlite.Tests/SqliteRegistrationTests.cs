using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Storage.Sqlite.Tests;

/// <summary>UseSqlite puts the SQLite stores in place of whatever was registered before, all on one database.</summary>
public sealed class SqliteRegistrationTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public void UseSqlite_AfterInMemoryStores_ResolvesTheSqliteStores()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().UseSqlite(_files.DefaultPath);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SqliteJournalStore>(provider.GetRequiredService<IJournalStore>());
        Assert.IsType<SqliteConnectionStore>(provider.GetRequiredService<IConnectionStore>());
        Assert.IsType<SqliteForeignNumberStore>(provider.GetRequiredService<IForeignNumberStore>());
        Assert.IsType<SqliteWorkScheduleStore>(provider.GetRequiredService<IWorkScheduleStore>());
    }

    public void Dispose() => _files.Dispose();
}
