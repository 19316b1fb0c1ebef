using System.Data;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Storage.Relational;

/// <summary>The stock rules store of the SQL stores: one row per connection; a connection without one has the default rules.</summary>
internal sealed class RelationalStockRulesStore(RelationalDatabase database) : IStockRulesStore
{
    /// <inheritdoc />
    public ValueTask<StockRules> GetAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (db, snapshot, ct) =>
            {
                await using var command = db.Command(snapshot, "SELECT safety_buffer, publish_percentage, cap FROM stock_rules WHERE connection = @connection;")
                    .With("@connection", connection.Value);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new StockRules
                    {
                        SafetyBuffer = database.Dialect.GetDecimal(reader, 0),
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
        await database.ExecuteAsync(
            """
            INSERT INTO stock_rules (connection, safety_buffer, publish_percentage, cap) VALUES (@connection, @buffer, @percentage, @cap)
            ON CONFLICT (connection) DO UPDATE SET
                safety_buffer = excluded.safety_buffer, publish_percentage = excluded.publish_percentage, cap = excluded.cap;
            """,
            command => command
                .With("@connection", connection.Value)
                .WithDecimal(database.Dialect, "@buffer", rules.SafetyBuffer)
                .With("@percentage", rules.PublishPercentage)
                .With("@cap", DbType.Int32, rules.Cap),
            cancellationToken).ConfigureAwait(false);
    }
}
