using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>The code of <c>docs/storage.md</c>, run.</summary>
public sealed class StorageGuideTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-guide-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task UseSqlite_FromTheGuide_MigratesTheFileAndServesTheStores()
    {
        var services = new ServiceCollection();
        var databasePath = Path.Combine(_folder, "connect.db");
        var cancellationToken = CancellationToken.None;

        #region snippet: storage-sqlite
        services.AddConnectSdk()
            /* connectors and the ERP's services, see getting-started.md */
            .UseSqlite(databasePath, o => o.BusyTimeout = Duration.FromSeconds(10));
        using var provider = services.BuildServiceProvider();

        // Optional, at start-up: create or migrate the file now, to fail early rather than at the first run.
        await provider.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);
        #endregion

        Assert.True(File.Exists(databasePath));
        Assert.IsType<SqliteJournalStore>(provider.GetRequiredService<IJournalStore>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
