using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// A store database as the shared store logic sees it: reads, writes in one transaction, keyset-paged lists and the
/// <see cref="SqlDialect"/> of what the database says differently. Each package adapts its own database object.
/// </summary>
internal abstract class RelationalDatabase
{
    /// <summary>What this database says differently.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The database's name in messages: a file's path, or the database and its host (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>What the database is to its operator in a message: <c>file</c> or <c>database</c>.</summary>
    public abstract string Noun { get; }

    /// <summary>The product, for a store's <see cref="object.ToString"/>: <c>SQLite</c>, <c>PostgreSQL</c>.</summary>
    public abstract string Product { get; }

    /// <summary>
    /// Makes the rest of the write transaction zero what it replaces or deletes rather than leave it in the database's
    /// free space, where a database keeps old values in its own pages; for writes of secrets.
    /// </summary>
    public virtual ValueTask ZeroFreedSpaceAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Discards page versions the database keeps beside its pages (a write-ahead log), after secrets were protected in place.</summary>
    public virtual Task DiscardOldPageVersionsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs a read; the transaction is the read's snapshot where the database keeps one, else <see langword="null"/>.</summary>
    public abstract ValueTask<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs a write in one transaction that commits whole or leaves nothing behind.</summary>
    public abstract ValueTask<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken);

    /// <summary>Streams a keyset-paged query, each page a short read of its own.</summary>
    public abstract IAsyncEnumerable<TRow> StreamPagesAsync<TRow, TKey>(KeysetQuery<TRow, TKey> query, CancellationToken cancellationToken);

    /// <summary>Runs one statement in its own write transaction.</summary>
    /// <returns>The number of rows the statement changed.</returns>
    public ValueTask<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = db.Command(transaction, sql);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
}
