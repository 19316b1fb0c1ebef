using System.Runtime.Versioning;
using Connect.Sdk.Secrets.DataProtection;
using Connect.Sdk.Settings;
using Connect.Sdk.Storage.Sqlite;
using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Samples.Tests.ErpHost;

/// <summary>
/// After the main-job sample has brought every marketplace live and run its cycle, no credential it configured can be
/// read from the store file, its WAL or a backup made as docs/storage.md describes, and only the process's user can
/// open the store's files and the key folder beside it.
/// </summary>
public sealed class ErpHostSecretsAtRestTests(ErpHostFinishedStore runs) : IClassFixture<ErpHostFinishedStore>
{
    [Fact]
    public async Task FullRun_EveryMarketplace_NoCredentialInTheStoreOrABackup()
    {
        var store = runs.Finished;
        Assert.True(store.Run.ExitCode == 0, store.Run.ToString());
        var credentials = await ConfiguredCredentialsAsync(store);
        var backup = Path.Combine(store.Folder, "backup", "connect.db");
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = store.StorePath }))
        {
            await database.BackupAsync(backup, CancellationToken.None);
        }

        Assert.Empty(FileText.FoundIn([.. store.FilesAsLeft, .. FileText.DatabaseWithWal(backup)], credentials));
    }

    [Fact]
    public async Task CrashedAfterTheLastBooking_StoreOpen_NoCredentialInTheStoreOrItsWal()
    {
        var store = runs.Crashed;
        Assert.True(store.Run.ExitCode != 0, $"The run should have crashed after its last booking: {store.Run}");
        Assert.Contains(store.FilesAsLeft, f => f.EndsWith("connect.db-wal", StringComparison.Ordinal));

        var credentials = await ConfiguredCredentialsAsync(store);

        Assert.Empty(FileText.FoundIn(store.FilesAsLeft, credentials));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void BothRuns_EveryMarketplace_StoreFilesAreOwnerOnlyAndTheKeyFolderToo()
    {
        Assert.Equal(["connect.db", "connect.db-shm", "connect.db-wal"], runs.Crashed.ModesAsLeft.Keys.Order(StringComparer.Ordinal));
        foreach (var store in new[] { runs.Finished, runs.Crashed })
        {
            Assert.All(store.ModesAsLeft, file => Assert.True(file.Value == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file.Key} is {file.Value}."));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.KeysFolder));
        }
    }

    /// <summary>
    /// Every credential the sample configured and kept: each secret row of the store, read back with the keys beside it.
    /// Read from the store rather than copied from the sample, so a marketplace added to the sample is covered too.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ConfiguredCredentialsAsync(ErpHostStoreAsLeft store)
    {
        using var protector = DataProtectionSecretProtector.Create(store.KeysFolder);
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = store.StorePath });
        var secrets = new SqliteSecretStore(database, protector);
        var credentials = new List<string>();
        var connections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in await StoredSecretRow.ReadAllAsync(store.StorePath))
        {
            var secret = await secrets.GetAsync(new ConnectionId(row.Connection), row.Key, CancellationToken.None);
            credentials.Add(Assert.IsType<SecretValue>(secret).Reveal());
            connections.Add(row.Connection);
        }

        // Nine marketplaces, each with at least one credential (a token, a key, a client secret).
        Assert.Equal(9, connections.Count);
        return credentials;
    }
}
