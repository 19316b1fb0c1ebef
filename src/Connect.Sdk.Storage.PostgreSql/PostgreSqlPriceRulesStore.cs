using Connect.Sdk.Prices;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IPriceRulesStore"/> in PostgreSQL: one row per connection; a connection without one has the default rules.</summary>
public sealed class PostgreSqlPriceRulesStore : IPriceRulesStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlPriceRulesStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, """
                        SELECT price_list, basis, currency, markup_percent, price_ending, floor_amount FROM price_rules WHERE connection = @connection;
                        """)
                    .With("connection", connection.Value);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new PriceRules
                    {
                        PriceList = reader.GetString(0),
                        Basis = Enum.Parse<PriceBasis>(reader.GetString(1)),
                        Currency = new CurrencyCode(reader.GetString(2)),
                        MarkupPercent = reader.GetDecimal(3),
                        PriceEnding = reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                        Floor = reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                    }
                    : PriceRules.Default;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await _database.ExecuteAsync(
            """
            INSERT INTO price_rules (connection, price_list, basis, currency, markup_percent, price_ending, floor_amount)
            VALUES (@connection, @list, @basis, @currency, @markup, @ending, @floor)
            ON CONFLICT (connection) DO UPDATE SET
                price_list = excluded.price_list, basis = excluded.basis, currency = excluded.currency,
                markup_percent = excluded.markup_percent, price_ending = excluded.price_ending, floor_amount = excluded.floor_amount;
            """,
            command => command
                .With("connection", connection.Value)
                .With("list", rules.PriceList)
                .With("basis", rules.Basis.ToString())
                .With("currency", rules.Currency.Value)
                .With("markup", rules.MarkupPercent)
                .With("ending", NpgsqlDbType.Numeric, rules.PriceEnding)
                .With("floor", NpgsqlDbType.Numeric, rules.Floor),
            cancellationToken).ConfigureAwait(false);
    }
}
