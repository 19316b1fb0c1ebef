using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IStockRulesStore"/> in PostgreSQL: one row per connection; a connection without one has the default rules.</summary>
public sealed class PostgreSqlStockRulesStore : IStockRulesStore
{
    private readonly RelationalStockRulesStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlStockRulesStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalStockRulesStore(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken) =>
        _store.SetAsync(connection, rules, cancellationToken);
}
