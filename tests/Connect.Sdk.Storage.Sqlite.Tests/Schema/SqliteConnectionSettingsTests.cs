using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

/// <summary>The settings every connection to the file is opened with.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task OpenConnection_AnyConnection_KeepsTheDefaultPageCacheAndCheckpointsItselfOnlyPast4000PagesOf16KiB()
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(-2000L, await ScalarAsync(connection, "PRAGMA cache_size;"));
        Assert.Equal(4000L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public async Task WriteAsync_TheWritersConnection_Has32MiBOfPageCacheAndReadsAfterItTheDefault()
    {
        var database = _files.Open();

        var whileWriting = await database.WriteAsync((connection, transaction, ct) => ScalarAsync(connection, "PRAGMA cache_size;", transaction), CancellationToken.None);
        var readingAfter = await database.ReadAsync((connection, ct) => ScalarAsync(connection, "PRAGMA cache_size;"), CancellationToken.None);

        // The read gets the writer's pooled connection back: a reader must not keep the writer's cache.
        Assert.Equal(-32768L, whileWriting);
        Assert.Equal(-2000L, readingAfter);
    }

    private static async ValueTask<object?> ScalarAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.Command(transaction, sql);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _files.Dispose();
}
