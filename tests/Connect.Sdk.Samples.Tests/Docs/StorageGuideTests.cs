using Connect.Sdk.Journal;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.TestSupport;
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

    [Fact]
    public async Task ProtectSecretsWithDataProtection_FromTheGuide_KeysInTheFolderAndNoSecretInTheFileOrItsBackup()
    {
        var services = new ServiceCollection();
        var databasePath = Path.Combine(_folder, "connect.db");
        var keysFolder = Path.Combine(_folder, "keys");
        var backupPath = Path.Combine(_folder, "backups", "connect.db");
        var cancellationToken = CancellationToken.None;
        const string Token = "shpat_guide_0a1b2c3d4e5f60718293a4b5c6d7e8f9";

        #region snippet: storage-secrets
        services.AddConnectSdk()
            /* connectors and the ERP's services, see getting-started.md */
            .UseSqlite(databasePath)
            // Where the keys live; without this call, in the user's local application data (Connect.Sdk/secret-keys).
            .ProtectSecretsWithDataProtection(keysFolder, dataProtection =>
            {
                // On Linux the keys lie in the folder unencrypted: encrypt them too, e.g. with a certificate:
                // dataProtection.ProtectKeysWithCertificate(certificate);
            });
        #endregion
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISecretStore>().SetAsync(new ConnectionId("shopify-de"), "accessToken", new SecretValue(Token), cancellationToken);

        #region snippet: storage-backup
        // A consistent copy of one moment, WAL content included; a new backup file is owner-only like the database.
        await provider.GetRequiredService<SqliteDatabase>().BackupAsync(backupPath, cancellationToken);
        #endregion

        Assert.Single(Directory.GetFiles(keysFolder, "key-*.xml"));
        Assert.Empty(FileText.FoundIn([.. FileText.DatabaseWithWal(databasePath), .. FileText.DatabaseWithWal(backupPath)], [Token]));
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
