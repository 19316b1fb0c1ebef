using Connect.Sdk.Storage.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests.Schema;

/// <summary>
/// The WAL is copied back into the database file off the writers' path. In WAL mode the file itself grows only when a
/// checkpoint copies pages into it, so its size tells whether one ran.
/// </summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private readonly SqliteTestFiles _files = new();

    [Fact]
    public async Task WriteAsync_WritesPastThePages_CopiesTheWalIntoTheFileAfterTheCommit()
    {
        var database = _files.Open(checkpointPages: 20);
        await database.MigrateAsync(CancellationToken.None);
        var before = await CheckpointedSizeAsync(database);

        await WriteBlobsAsync(database, pages: 40);
        await database.Checkpointer.Current;

        Assert.True(new FileInfo(database.Path).Length >= before + (40 * SqliteMigrator.NewFilePageSize), $"The file is {new FileInfo(database.Path).Length} bytes, {before} before 40 pages were written.");
    }

    [Fact]
    public async Task WriteAsync_WritesBelowThePages_LeavesThemInTheWal()
    {
        var database = _files.Open(checkpointPages: 1_000);
        await database.MigrateAsync(CancellationToken.None);
        var before = await CheckpointedSizeAsync(database);

        await WriteBlobsAsync(database, pages: 40);

        Assert.Same(Task.CompletedTask, database.Checkpointer.Current);
        Assert.Equal(before, new FileInfo(database.Path).Length);
    }

    [Fact]
    public async Task WriteAsync_PagesAddUpOverManyWrites_CheckpointsOnceTheyReachThePages()
    {
        var database = _files.Open(checkpointPages: 60);
        await database.MigrateAsync(CancellationToken.None);
        await CheckpointedSizeAsync(database);

        // About ten pages a write, a few more for the table and the tree above the rows: the sixth write at the latest
        // brings them past 60, and no single one does.
        var writes = 0;
        while (ReferenceEquals(database.Checkpointer.Current, Task.CompletedTask) && writes < 10)
        {
            await WriteBlobsAsync(database, pages: 10);
            writes++;
        }

        await database.Checkpointer.Current;
        Assert.InRange(writes, 2, 6);
    }

    [Fact]
    public async Task TruncateWal_RightAfterAWriteStartedABackgroundCheckpoint_EmptiesTheWal()
    {
        var database = _files.Open(checkpointPages: 20);
        await database.MigrateAsync(CancellationToken.None);

        await WriteBlobsAsync(database, pages: 40);
        await database.TruncateWalAsync(CancellationToken.None);

        Assert.NotSame(Task.CompletedTask, database.Checkpointer.Current);
        Assert.Equal(0, new FileInfo(database.Path + "-wal").Length);
    }

    [Fact]
    public async Task DisposeAsync_RightAfterAWriteStartedABackgroundCheckpoint_ReturnsWhenItHasEnded()
    {
        var database = _files.Open(checkpointPages: 20);
        await database.MigrateAsync(CancellationToken.None);
        await WriteBlobsAsync(database, pages: 40);
        var checkpoint = database.Checkpointer.Current;

        await database.DisposeAsync();

        Assert.NotSame(Task.CompletedTask, checkpoint);
        Assert.True(checkpoint.IsCompletedSuccessfully, $"The checkpoint is {checkpoint.Status} after DisposeAsync.");
    }

    public void Dispose() => _files.Dispose();

    // A blob of almost a page per row (of the file's size): each row takes a page of its own in the WAL.
    private static Task<int> WriteBlobsAsync(SqliteDatabase database, int pages) =>
        database.WriteAsync<int>(
            async (connection, transaction, ct) =>
            {
                await using var create = connection.Command(transaction, "CREATE TABLE IF NOT EXISTS wal_test (data BLOB NOT NULL);");
                await create.ExecuteNonQueryAsync(ct);
                await using var insert = connection.Command(transaction, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows) INSERT INTO wal_test (data) SELECT randomblob((SELECT page_size - 200 FROM pragma_page_size())) FROM n;").With("$rows", pages);
                return await insert.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None).AsTask();

    // Copies everything written so far into the file, so a test starts from an empty WAL, and returns the file's size.
    private static async Task<long> CheckpointedSizeAsync(SqliteDatabase database)
    {
        await database.Checkpointer.Current;
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var checkpoint = connection.Command(null, "PRAGMA wal_checkpoint(TRUNCATE);");
        await checkpoint.ExecuteNonQueryAsync();
        return new FileInfo(database.Path).Length;
    }
}
