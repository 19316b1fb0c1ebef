using System.Runtime.CompilerServices;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IForeignNumberStore"/> in a SQLite file, indexed both ways (article → foreign numbers, foreign
/// number → article). A batch, such as a whole CSV import, is checked and written in one transaction, each step
/// one statement over all its rows.
/// </summary>
public sealed class SqliteForeignNumberStore : IForeignNumberStore
{
    private readonly RelationalForeignNumberStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteForeignNumberStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalForeignNumberStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> FindByArticleAsync(ConnectionId connection, string articleNumber, CancellationToken cancellationToken) =>
        _store.FindByArticleAsync(connection, articleNumber, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ForeignNumberMapping?> FindByForeignNumberAsync(ConnectionId connection, ForeignNumber foreignNumber, CancellationToken cancellationToken) =>
        _store.FindByForeignNumberAsync(connection, foreignNumber, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The primary key's order: article number (BINARY, the ordinal order), then the folded label, whose ordinal
    /// order is the order ignoring case. An article's labels are distinct, so the value never decides.
    /// </remarks>
    public async IAsyncEnumerable<ForeignNumberMapping> ListAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _store.ListAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ForeignNumberMapping>> UpsertAsync(IReadOnlyCollection<ForeignNumberMapping> mappings, CancellationToken cancellationToken) =>
        _store.UpsertAsync(mappings, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(ConnectionId connection, string articleNumber, ForeignNumberLabel label, CancellationToken cancellationToken) =>
        _store.RemoveAsync(connection, articleNumber, label, cancellationToken);

    /// <inheritdoc />
    public ValueTask<RestrictedArticleMapping> GetRestrictedMappingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetRestrictedMappingAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetRestrictedMappingAsync(ConnectionId connection, RestrictedArticleMapping mapping, CancellationToken cancellationToken) =>
        _store.SetRestrictedMappingAsync(connection, mapping, cancellationToken);
}
