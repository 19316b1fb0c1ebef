namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

/// <summary>The settings every connection to the file is opened with.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task OpenConnection_AnyConnection_KeepsA32MiBPageCacheAndCheckpointsEvery4000Pages()
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var cacheSize = connection.Command(null, "PRAGMA cache_size;");
        await using var checkpoint = connection.Command(null, "PRAGMA wal_autocheckpoint;");

        Assert.Equal(-32768L, await cacheSize.ExecuteScalarAsync());
        Assert.Equal(4000L, await checkpoint.ExecuteScalarAsync());
    }

    public void Dispose() => _files.Dispose();
}
