using Connect.Sdk.Stock;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Relational;

/// <summary>The stock sync state of the SQL stores: the quantity last sent per connection and article (<see cref="ArticleRows"/>).</summary>
internal sealed class RelationalStockSyncStateStore(RelationalDatabase database) : IStockSyncStateStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        database.ReadArticlesAsync(
            "SELECT article_number, quantity, sent_at FROM stock_sent WHERE connection = @connection AND {0};",
            connection,
            articleNumbers,
            (reader, number) => new SentStock(number, reader.GetInt32(1), reader.GetInstant(2)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        database.WriteArticlesAsync(
            """
            INSERT INTO stock_sent (connection, article_number, quantity, sent_at) VALUES (@connection, @number, @quantity, @at)
            ON CONFLICT (connection, article_number) DO UPDATE SET quantity = excluded.quantity, sent_at = excluded.sent_at;
            """,
            connection,
            sent,
            lease,
            (parameters, item) => parameters
                .With("@number", item.ArticleNumber)
                .With("@quantity", item.Quantity)
                .With("@at", item.SentAt.ToStored()),
            cancellationToken);
}
