using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

/// <summary>
/// A new file is created with pages of 16 KiB; a file created before, with SQLite's default of 4 KiB, keeps its pages and
/// works as before. The WAL is copied back after the same amount of bytes in either.
/// </summary>
public sealed class SqlitePageSizeTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task MigrateAsync_NewFile_CreatesItWithPagesOf16KiB()
    {
        var database = _files.Open();

        await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(SqliteMigrator.NewFilePageSize, await PageSizeAsync(_files.DefaultPath));
        Assert.Equal(WalCheckpointer.Bytes / SqliteMigrator.NewFilePageSize, database.Checkpointer.Pages);
        Assert.Equal(4 * database.Checkpointer.Pages, await AutoCheckpointAsync(database));
    }

    [Fact]
    public async Task MigrateAsync_FileWithPagesOf4KiB_KeepsThemAndStoresAsBefore()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_files.DefaultPath)!);
        await using (var earlier = new SqliteConnection($"Data Source={_files.DefaultPath};Pooling=false"))
        {
            await earlier.OpenAsync();
            await using var create = earlier.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE made_before (id INTEGER PRIMARY KEY);";
            await create.ExecuteNonQueryAsync();
        }

        var database = _files.Open();
        var store = new SqliteJournalStore(database);
        var key = new JournalKey(new ConnectionId("shop"), RecordKind.ArticleStock, "A-1");
        var at = Instant.FromUtc(2026, 3, 1, 8, 0);
        var saved = await store.TrySaveAsync(
            new JournalEntry { Key = key, UpdatedAt = at, History = [new JournalStatusChange(at, JournalStatus.NotSynced, JournalStatus.NotSynced, "mapped")] },
            CancellationToken.None);

        Assert.NotNull(saved);
        Assert.Equal(4_096, await PageSizeAsync(_files.DefaultPath));
        Assert.Equal(4_000, database.Checkpointer.Pages);
        Assert.Equal(16_000, await AutoCheckpointAsync(database));
        Assert.Equal("mapped", (await store.GetAsync(key, CancellationToken.None))?.History.Single().Message);
    }

    [Fact]
    public void UsePageSize_ThresholdGivenInPages_KeepsIt()
    {
        using var checkpointer = new WalCheckpointer(_ => throw new InvalidOperationException("No checkpoint is expected."), pages: 20);

        checkpointer.UsePageSize(SqliteMigrator.NewFilePageSize);

        Assert.Equal(20, checkpointer.Pages);
    }

    private static async Task<long> PageSizeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var pageSize = connection.CreateCommand();
        pageSize.CommandText = "PRAGMA page_size;";
        return (long)(await pageSize.ExecuteScalarAsync())!;
    }

    private static async Task<long> AutoCheckpointAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var pages = connection.CreateCommand();
        pages.CommandText = "PRAGMA wal_autocheckpoint;";
        return (long)(await pages.ExecuteScalarAsync())!;
    }
}
