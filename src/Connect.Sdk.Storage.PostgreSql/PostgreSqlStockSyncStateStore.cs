using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IStockSyncStateStore"/> in PostgreSQL: the quantity last sent per connection and article.</summary>
public sealed class PostgreSqlStockSyncStateStore : IStockSyncStateStore
{
    private readonly RelationalStockSyncStateStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlStockSyncStateStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalStockSyncStateStore(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, articleNumbers, cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _store.SaveAsync(connection, sent, lease, cancellationToken);
}
