using System.Data;
using Connect.Sdk.Prices;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The price sync state of the SQL stores: the price (and compare-at price) last sent per connection and article, amounts
/// exact with their currency (<see cref="ArticleRows"/>).
/// </summary>
internal sealed class RelationalPriceSyncStateStore(RelationalDatabase database) : IPriceSyncStateStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        database.ReadArticlesAsync(
            """
            SELECT article_number, amount, currency, compare_at_amount, compare_at_currency, sent_at FROM price_sent
            WHERE connection = @connection AND {0};
            """,
            connection,
            articleNumbers,
            (reader, number) => new SentPrice(
                number,
                new Money(database.Dialect.GetDecimal(reader, 1), new CurrencyCode(reader.GetString(2))),
                reader.IsDBNull(3) ? null : new Money(database.Dialect.GetDecimal(reader, 3), new CurrencyCode(reader.GetString(4))),
                reader.GetInstant(5)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken) =>
        database.WriteArticlesAsync(
            """
            INSERT INTO price_sent (connection, article_number, amount, currency, compare_at_amount, compare_at_currency, sent_at)
            VALUES (@connection, @number, @amount, @currency, @compareAtAmount, @compareAtCurrency, @at)
            ON CONFLICT (connection, article_number) DO UPDATE SET
                amount = excluded.amount, currency = excluded.currency,
                compare_at_amount = excluded.compare_at_amount, compare_at_currency = excluded.compare_at_currency,
                sent_at = excluded.sent_at;
            """,
            connection,
            sent,
            lease,
            Bind,
            cancellationToken);

    private static void Bind(RowParameters parameters, SentPrice price) => parameters
        .With("@number", price.ArticleNumber)
        .WithDecimal("@amount", price.Price.Amount)
        .With("@currency", price.Price.Currency.Value)
        .WithDecimal("@compareAtAmount", price.CompareAtPrice?.Amount)
        .With("@compareAtCurrency", DbType.String, price.CompareAtPrice?.Currency.Value)
        .With("@at", price.SentAt.ToStored());
}
