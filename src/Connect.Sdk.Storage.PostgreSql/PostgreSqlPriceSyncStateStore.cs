using Connect.Sdk.Prices;
using Connect.Sdk.Storage.Relational;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IPriceSyncStateStore"/> in PostgreSQL: the price (and compare-at price) last sent per connection and article.</summary>
public sealed class PostgreSqlPriceSyncStateStore : IPriceSyncStateStore
{
    private readonly RelationalPriceSyncStateStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlPriceSyncStateStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalPriceSyncStateStore(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, articleNumbers, cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _store.SaveAsync(connection, sent, lease, cancellationToken);
}
