using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Storage.Sqlite.Schema;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// The SQLite database file every SQLite store shares: opens connections with the store's settings and brings
/// the schema up to date before the first statement runs. One instance per file and process is enough; it is
/// thread-safe, and connections are pooled. Disposing it closes its pooled connections, so the file can be
/// moved or deleted.
/// </summary>
public sealed class SqliteDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly MigrationGate _migration = new();

    // SQLite has one writer per file. Writers of this process queue here, asynchronously, instead of each blocking a
    // thread in SQLite's busy handler; busy_timeout is left for the writers of other processes.
    private readonly SemaphoreSlim _writerGate = new(1, 1);

    // Microsoft.Data.Sqlite's pool can lend one native connection to two owners when two opens overlap (dotnet/efcore
    // issue 39008, seen here as "cannot start a transaction within a transaction" in a read's snapshot). Opens from the
    // pool take microseconds, so every open in the process takes its turn; a pool is per connection string, not per
    // database object, hence one gate for all.
    private static readonly SemaphoreSlim OpenGate = new(1, 1);

    /// <summary>Describes a database file; nothing is opened until a store first uses it.</summary>
    /// <param name="options">The file and timeouts.</param>
    public SqliteDatabase(SqliteStoreOptions options)
        : this(options, checkpointPages: null)
    {
    }

    /// <summary>Describes a database file whose WAL is copied back after another number of pages, so tests can reach it with a few writes.</summary>
    /// <param name="options">The file and timeouts.</param>
    /// <param name="checkpointPages">The WAL pages this process writes before it copies them back; <see langword="null"/> for <see cref="WalCheckpointer.Bytes"/>.</param>
    internal SqliteDatabase(SqliteStoreOptions options, int? checkpointPages)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new SqliteStoreOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(SqliteStoreOptions), typeof(SqliteStoreOptions), validation.Failures);
        }

        Path = System.IO.Path.GetFullPath(options.Path);
        _busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, options.BusyTimeout.TotalMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        Checkpointer = new WalCheckpointer(OpenUnpooledConnectionAsync, checkpointPages);
    }

    /// <summary>The checkpoints this process runs off the writers' path; for tests.</summary>
    internal WalCheckpointer Checkpointer { get; }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates the file and brings its schema up to date: applies every migration not applied yet, each in its
    /// own transaction. Stores do this on first use; a host may call it at start-up to fail early. Several
    /// processes may migrate one file at once: one applies, the others find the work done.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; applied steps stay applied.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="ConnectSdkException">The file was migrated by a newer version of this package.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        _migration.RunOnceAsync(
            async ct =>
            {
                OwnerOnlyFile.CreateIfMissing(Path);
                await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
                var pageSize = await SqliteMigrator.MigrateAsync(connection, SqliteSchema.Migrations, ct).ConfigureAwait(false);
                Checkpointer.UsePageSize(pageSize);
            },
            cancellationToken);

    /// <summary>
    /// Copies the database, while stores go on using it, to <paramref name="destinationPath"/> with SQLite's online
    /// backup: a consistent copy of one moment, WAL content included, which a plain file copy of a file in use is not.
    /// A new destination is created owner-only like the database; an existing one is overwritten.
    /// </summary>
    /// <param name="destinationPath">The backup file, e.g. <c>/backups/connect-2026-12-06.db</c>.</param>
    /// <param name="cancellationToken">Cancels the wait for the database; the copy itself runs to its end.</param>
    /// <returns>A task that completes when the copy is written.</returns>
    public async Task BackupAsync(string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = System.IO.Path.GetFullPath(destinationPath);
        if (string.Equals(destination, Path, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The backup of {Path} must go to another file.", nameof(destinationPath));
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        OwnerOnlyFile.CreateIfMissing(destination);
        await using var source = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        source.BackupDatabase(target);
    }

    /// <summary>
    /// Copies every page of the WAL into the file and empties the WAL, so that page versions it held (a plain-text
    /// secret before its row was protected) are gone. Readers of other processes may keep the WAL from being emptied; it
    /// is then emptied by the next checkpoint that finds it unused.
    /// </summary>
    internal async Task TruncateWalAsync(CancellationToken cancellationToken)
    {
        // SQLite answers a checkpoint "busy" at once, without waiting, while another one runs. Under the writer gate no
        // write of this process can start a background checkpoint, so waiting for the running one is enough here; a
        // checkpoint of another process or database object gets two more tries.
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await Checkpointer.Current.ConfigureAwait(false);
                if (Convert.ToInt64(await checkpoint.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    return;
                }
            }
        }
        finally
        {
            _writerGate.Release();
        }
    }

    // Up to 32 MiB of page cache for a write (SQLite's default is 2 MiB, smaller than a journal batch's pages): with the
    // checkpoint interval, a batch of 1,000 status changes took a fifth less CPU.
    private const string WriterCacheSize = "PRAGMA cache_size = -32768;";

    /// <summary>Runs a read on its own connection; reads see the last committed state.</summary>
    internal async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write in one transaction that takes the write lock at its start (<c>BEGIN IMMEDIATE</c>): a
    /// read-then-write inside it can never be invalidated by another writer, and it either commits whole or
    /// leaves nothing behind.
    /// </summary>
    internal async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await _writerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // Only the one writer gets the large cache: pooled connections keep their cache, and every reader with 32 MiB
            // would multiply the process's memory by the readers at once, where a reader gains little (in WAL mode a
            // connection drops its cache whenever another one commits). The next open sets it back.
            await using (var cache = connection.CreateCommand())
            {
                cache.CommandText = WriterCacheSize;
                await cache.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            WalCheckpointer.Beginning(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Checkpointer.Committed(connection);
            return result;
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>Opens a connection with the per-connection settings; the caller disposes it.</summary>
    internal ValueTask<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(_connectionString, cancellationToken);

    // The background checkpoint's connection is not pooled: closed, it lets go of the file rather than waiting in a pool
    // that Dispose may already have cleared.
    private ValueTask<SqliteConnection> OpenUnpooledConnectionAsync(CancellationToken cancellationToken) =>
        OpenConnectionAsync(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString(), cancellationToken);

    private async ValueTask<SqliteConnection> OpenConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await OpenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                OpenGate.Release();
            }

            await using var pragmas = connection.CreateCommand();
            // busy_timeout lets SQLite itself wait for another process's write lock; synchronous=NORMAL is
            // durable in WAL mode except for the last commits before a power loss, never corrupting. The WAL is copied
            // back every 16 MB (WalCheckpointer.Bytes; SQLite's default of 1,000 pages copied a page every batch rewrites
            // after each batch) by the WalCheckpointer, off the writers' path; a writer's commit does it only past the
            // safety net, four times that.
            // The page cache is SQLite's default of 2 MiB, also on a pooled connection a writer used with its larger
            // one (WriterCacheSize).
            pragmas.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = {Checkpointer.SafetyNetPages};");
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Closes the pooled connections to the file; stores using this database must not be used afterwards. A WAL
    /// checkpoint running in the background at that moment keeps its own connection until it ends (a fraction of a
    /// second); <see cref="DisposeAsync"/> waits for it, so the file is closed when it returns.
    /// </summary>
    public void Dispose()
    {
        // First, so that no checkpoint starts after the pool is cleared.
        Checkpointer.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _migration.Dispose();
        _writerGate.Dispose();
    }

    /// <summary>
    /// Closes the pooled connections to the file after a WAL checkpoint running in the background has ended, so that
    /// the file can be moved, deleted or overwritten as soon as this returns.
    /// </summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        Checkpointer.Dispose();
        await Checkpointer.Current.ConfigureAwait(false);
        Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite database {Path}";
}
