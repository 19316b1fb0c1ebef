using Connect.Sdk.Prices;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IPriceSyncStateStore"/> in a SQLite file. Amounts are kept as exact text with their currency, never as
/// REAL; a chunk is read with one query and a batch saved in one transaction, as <see cref="SqliteStockSyncStateStore"/> does.
/// </summary>
public sealed class SqlitePriceSyncStateStore : IPriceSyncStateStore
{
    private readonly RelationalPriceSyncStateStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqlitePriceSyncStateStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalPriceSyncStateStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, articleNumbers, cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _store.SaveAsync(connection, sent, lease, cancellationToken);
}
