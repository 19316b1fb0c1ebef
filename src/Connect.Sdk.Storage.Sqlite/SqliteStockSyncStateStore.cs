using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IStockSyncStateStore"/> in a SQLite file. A chunk is read with one query, its article numbers
/// passed as one JSON array parameter (no limit on parameters, no SQL built from values); a batch is saved in one
/// transaction.
/// </summary>
public sealed class SqliteStockSyncStateStore : IStockSyncStateStore
{
    private readonly RelationalStockSyncStateStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteStockSyncStateStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalStockSyncStateStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, articleNumbers, cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _store.SaveAsync(connection, sent, lease, cancellationToken);
}
