using Connect.Sdk.Prices;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>An <see cref="IPriceRulesStore"/> in a SQLite file: one row of rules per connection, amounts as exact text.</summary>
public sealed class SqlitePriceRulesStore : IPriceRulesStore
{
    private readonly RelationalPriceRulesStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqlitePriceRulesStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalPriceRulesStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken) =>
        _store.SetAsync(connection, rules, cancellationToken);
}
