using Connect.Sdk.Stock;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IStockRulesStore"/> in PostgreSQL: one row per connection; a connection without one has the default rules.</summary>
public sealed class PostgreSqlStockRulesStore : IStockRulesStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlStockRulesStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT safety_buffer, publish_percentage, cap FROM stock_rules WHERE connection = @connection;")
                    .With("connection", connection.Value);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new StockRules
                    {
                        SafetyBuffer = reader.GetDecimal(0),
                        PublishPercentage = reader.GetInt32(1),
                        Cap = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    }
                    : StockRules.Default;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask SetAsync(ConnectionId connection, StockRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await _database.ExecuteAsync(
            """
            INSERT INTO stock_rules (connection, safety_buffer, publish_percentage, cap) VALUES (@connection, @buffer, @percentage, @cap)
            ON CONFLICT (connection) DO UPDATE SET
                safety_buffer = excluded.safety_buffer, publish_percentage = excluded.publish_percentage, cap = excluded.cap;
            """,
            command => command
                .With("connection", connection.Value)
                .With("buffer", rules.SafetyBuffer)
                .With("percentage", rules.PublishPercentage)
                .With("cap", NpgsqlTypes.NpgsqlDbType.Integer, rules.Cap),
            cancellationToken).ConfigureAwait(false);
    }
}
