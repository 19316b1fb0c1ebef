using Connect.Sdk.Stock;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>An <see cref="IStockRulesStore"/> in a SQLite file: one row of rules per connection.</summary>
public sealed class SqliteStockRulesStore : IStockRulesStore
{
    private readonly RelationalStockRulesStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteStockRulesStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalStockRulesStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken) =>
        _store.SetAsync(connection, rules, cancellationToken);
}
