using System.Data.Common;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>A <see cref="PostgreSqlDatabase"/> as the store logic shared with the SQLite package sees it.</summary>
internal sealed class PostgreSqlRelationalDatabase(PostgreSqlDatabase database) : RelationalDatabase
{
    /// <inheritdoc />
    public override SqlDialect Dialect => PostgreSqlDialect.Instance;

    /// <inheritdoc />
    public override string Description => database.ToString();

    /// <inheritdoc />
    public override string Noun => "database";

    /// <inheritdoc />
    public override string Product => "PostgreSQL";

    /// <inheritdoc />
    /// <remarks>Every read runs in one read-only snapshot, so several selects agree with each other.</remarks>
    public override ValueTask<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken) =>
        database.ReadAsync((db, snapshot, ct) => read(db, snapshot, ct), cancellationToken);

    /// <inheritdoc />
    public override ValueTask<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken) =>
        database.WriteAsync((db, transaction, ct) => write(db, transaction, ct), cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<TRow> StreamPagesAsync<TRow, TKey>(KeysetQuery<TRow, TKey> query, CancellationToken cancellationToken) =>
        PostgreSqlKeysetPages.StreamAsync(
            database,
            new PostgreSqlKeysetQuery<TRow, TKey>
            {
                FirstPage = query.FirstPage,
                NextPage = query.NextPage,
                Bind = query.Bind,
                BindAfter = query.BindAfter,
                Read = query.Read,
                KeyOf = query.KeyOf,
                PageSize = query.PageSize,
            },
            cancellationToken);
}
