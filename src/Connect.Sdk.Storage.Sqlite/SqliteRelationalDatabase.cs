using System.Data.Common;
using Connect.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>A <see cref="SqliteDatabase"/> as the store logic shared with the PostgreSQL package sees it.</summary>
internal sealed class SqliteRelationalDatabase(SqliteDatabase database) : RelationalDatabase
{
    /// <inheritdoc />
    public override SqlDialect Dialect => SqliteDialect.Instance;

    /// <inheritdoc />
    public override string Description => database.Path;

    /// <inheritdoc />
    public override string Noun => "file";

    /// <inheritdoc />
    public override string Product => "SQLite";

    /// <inheritdoc />
    /// <remarks>
    /// <c>secure_delete</c> stays on the pooled connection afterwards: the other stores' writes then zero what they delete
    /// too, which costs little and never harms.
    /// </remarks>
    public override async ValueTask ZeroFreedSpaceAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var pragma = db.Command(transaction, "PRAGMA secure_delete = ON;");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The values were overwritten in the pages; the WAL still holds the pages as they were before.</remarks>
    public override Task DiscardOldPageVersionsAsync(CancellationToken cancellationToken) => database.TruncateWalAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>SQLite reads see the last committed state without a transaction of their own.</remarks>
    public override ValueTask<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken) =>
        database.ReadAsync((db, ct) => read(db, null, ct), cancellationToken);

    /// <inheritdoc />
    public override ValueTask<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken) =>
        database.WriteAsync((db, transaction, ct) => write(db, transaction, ct), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<TRow> StreamPagesAsync<TRow, TKey>(KeysetQuery<TRow, TKey> query, CancellationToken cancellationToken) =>
        SqliteKeysetPages.StreamAsync(
            database,
            new SqliteKeysetQuery<TRow, TKey>
            {
                FirstPage = query.FirstPage,
                NextPage = query.NextPage,
                // The shared statements name the page size @limit; Microsoft.Data.Sqlite binds a name only as written.
                Bind = command =>
                {
                    command.With("@limit", query.PageSize);
                    query.Bind?.Invoke(command);
                },
                BindAfter = query.BindAfter,
                Read = query.Read,
                KeyOf = query.KeyOf,
                PageSize = query.PageSize,
            },
            cancellationToken);
}
