using Connect.Sdk.Stock;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IStockSyncStateStore"/> in PostgreSQL: the quantity last sent per connection and article.</summary>
public sealed class PostgreSqlStockSyncStateStore : IStockSyncStateStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlStockSyncStateStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _database.ReadArticlesAsync(
            "SELECT article_number, quantity, sent_at FROM stock_sent WHERE connection = @connection AND article_number = ANY(@numbers);",
            connection,
            articleNumbers,
            (reader, number) => new SentStock(number, reader.GetInt32(1), reader.GetInstant(2)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _database.WriteArticlesAsync(
            """
            INSERT INTO stock_sent (connection, article_number, quantity, sent_at) VALUES (@connection, @number, @quantity, @at)
            ON CONFLICT (connection, article_number) DO UPDATE SET quantity = excluded.quantity, sent_at = excluded.sent_at;
            """,
            connection,
            sent,
            lease,
            (parameters, item) => parameters
                .With("number", item.ArticleNumber)
                .With("quantity", item.Quantity)
                .With("at", item.SentAt.ToStored()),
            cancellationToken);
}
