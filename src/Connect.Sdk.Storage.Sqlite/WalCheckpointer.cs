using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on a connection of its own once this process's writes have added
/// <see cref="Bytes"/> to it, so that no write waits for that copy and the two syncs of the file that go with it.
/// SQLite would otherwise run the checkpoint inside the commit that crosses the threshold: a batch of 1,000 journal
/// status changes then took two to five times as long every few batches. The writers keep SQLite's automatic
/// checkpoint at <see cref="SafetyNetPages"/>, for when this one cannot keep up or a reader holds the WAL. One
/// checkpoint runs at a time; a failed one (the file busy, say) is left to the next.
/// </summary>
/// <param name="open">Opens the checkpoint's connection.</param>
/// <param name="pages">
/// A threshold in pages whatever the file's page size, for tests to reach with a few writes; <see langword="null"/> for
/// <see cref="Bytes"/> in the file's pages (<see cref="UsePageSize"/>).
/// </param>
internal sealed class WalCheckpointer(Func<CancellationToken, ValueTask<SqliteConnection>> open, int? pages = null) : IDisposable
{
    /// <summary>The WAL written by this process after which it is copied back: 4,000 pages of 4 KiB, 1,000 of 16 KiB.</summary>
    public const int Bytes = 4_000 * 4_096;

    // The threshold in the file's pages; until the file's page size is known, in SQLite's default one.
    private int _pages = pages ?? Bytes / 4_096;

    private readonly CancellationTokenSource _stop = new();
    private int _pending;
    private int _running;
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>The WAL pages written by this process after which the WAL is copied back.</summary>
    public int Pages => Volatile.Read(ref _pages);

    /// <summary>The pages after which a writer's commit checkpoints itself: four times <see cref="Pages"/>.</summary>
    public int SafetyNetPages => 4 * Pages;

    /// <summary>The checkpoint running or last run; for tests.</summary>
    internal Task Current => Volatile.Read(ref _checkpoint);

    /// <summary>Counts <see cref="Bytes"/> in pages of the file's size, unless a threshold in pages was given.</summary>
    /// <param name="pageSize">The file's page size in bytes.</param>
    public void UsePageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (pages is null)
        {
            Volatile.Write(ref _pages, Bytes / pageSize);
        }
    }

    /// <summary>Starts counting the pages a write transaction on the connection writes to the WAL.</summary>
    /// <param name="writer">The connection about to begin the transaction.</param>
    public static void Beginning(SqliteConnection writer) => PagesWritten(writer);

    /// <summary>Counts the pages the connection's transaction wrote to the WAL, and starts a checkpoint when they add up to <see cref="Pages"/>.</summary>
    /// <param name="writer">The connection that just committed.</param>
    public void Committed(SqliteConnection writer)
    {
        var written = PagesWritten(writer);
        if (Interlocked.Add(ref _pending, written) < Pages || _stop.IsCancellationRequested || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _pending, 0);
        Volatile.Write(ref _checkpoint, Task.Run(CheckpointAsync));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Stops checkpoints from starting; one already running runs to its end (<see cref="Current"/>). May be called again
    /// (a database is disposed more than once). The token source is not disposed: a checkpoint still running reads its
    /// token, and it holds no timer.
    /// </remarks>
    public void Dispose() => _stop.Cancel();

    // The pages the connection wrote to the WAL since the last call: SQLite counts per connection, and a pooled connection
    // has served other writes (and the migrations) before.
    private static int PagesWritten(SqliteConnection connection)
    {
        _ = raw.sqlite3_db_status(connection.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        return written;
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await open(_stop.Token).ConfigureAwait(false);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await checkpoint.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Busy, the database closing, or anything else: the next checkpoint, or a writer's automatic one, copies these
            // pages. Nothing may escape: Current is awaited by a truncation of the WAL and by DisposeAsync, which must not
            // fail for a checkpoint that did not happen.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
