using Connect.Sdk.Prices;

namespace Connect.Sdk.Storage.Relational;

/// <summary>The price rules store of the SQL stores: one row per connection; a connection without one has the default rules; amounts exact.</summary>
internal sealed class RelationalPriceRulesStore(RelationalDatabase database) : IPriceRulesStore
{
    /// <inheritdoc />
    public ValueTask<PriceRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, """
                        SELECT price_list, basis, currency, markup_percent, price_ending, floor_amount FROM price_rules WHERE connection = @connection;
                        """)
                    .With("@connection", connection.Value);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new PriceRules
                    {
                        PriceList = reader.GetString(0),
                        Basis = Enum.Parse<PriceBasis>(reader.GetString(1)),
                        Currency = new CurrencyCode(reader.GetString(2)),
                        MarkupPercent = database.Dialect.GetDecimal(reader, 3),
                        PriceEnding = reader.IsDBNull(4) ? null : database.Dialect.GetDecimal(reader, 4),
                        Floor = reader.IsDBNull(5) ? null : database.Dialect.GetDecimal(reader, 5),
                    }
                    : PriceRules.Default;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, PriceRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await database.ExecuteAsync(
            """
            INSERT INTO price_rules (connection, price_list, basis, currency, markup_percent, price_ending, floor_amount)
            VALUES (@connection, @list, @basis, @currency, @markup, @ending, @floor)
            ON CONFLICT (connection) DO UPDATE SET
                price_list = excluded.price_list, basis = excluded.basis, currency = excluded.currency,
                markup_percent = excluded.markup_percent, price_ending = excluded.price_ending, floor_amount = excluded.floor_amount;
            """,
            command => command
                .With("@connection", connection.Value)
                .With("@list", rules.PriceList)
                .With("@basis", rules.Basis.ToString())
                .With("@currency", rules.Currency.Value)
                .WithDecimal(database.Dialect, "@markup", rules.MarkupPercent)
                .WithDecimal(database.Dialect, "@ending", rules.PriceEnding)
                .WithDecimal(database.Dialect, "@floor", rules.Floor),
            cancellationToken).ConfigureAwait(false);
    }
}
