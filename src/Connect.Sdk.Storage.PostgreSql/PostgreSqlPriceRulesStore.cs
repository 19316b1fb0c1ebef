using Connect.Sdk.Prices;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IPriceRulesStore"/> in PostgreSQL: one row per connection; a connection without one has the default rules.</summary>
public sealed class PostgreSqlPriceRulesStore : IPriceRulesStore
{
    private readonly RelationalPriceRulesStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlPriceRulesStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalPriceRulesStore(new PostgreSqlRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _store.GetAsync(connection, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken) =>
        _store.SetAsync(connection, rules, cancellationToken);
}
