using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>An <see cref="IPriceSyncStateStore"/> in PostgreSQL: the price (and compare-at price) last sent per connection and article.</summary>
public sealed class PostgreSqlPriceSyncStateStore : IPriceSyncStateStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlPriceSyncStateStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _database.ReadArticlesAsync(
            """
            SELECT article_number, amount, currency, compare_at_amount, compare_at_currency, sent_at FROM price_sent
            WHERE connection = @connection AND article_number = ANY(@numbers);
            """,
            connection,
            articleNumbers,
            (reader, number) => new SentPrice(
                number,
                new Money(reader.GetDecimal(1), new CurrencyCode(reader.GetString(2))),
                reader.IsDBNull(3) ? null : new Money(reader.GetDecimal(3), new CurrencyCode(reader.GetString(4))),
                reader.GetInstant(5)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _database.WriteArticlesAsync(
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

    private static void Bind(NpgsqlParameterCollection parameters, SentPrice price)
    {
        parameters.With("number", price.ArticleNumber)
            .With("amount", price.Price.Amount)
            .With("currency", price.Price.Currency.Value)
            .With("at", price.SentAt.ToStored());
        parameters.Add(new NpgsqlParameter("compareAtAmount", NpgsqlDbType.Numeric) { Value = (object?)price.CompareAtPrice?.Amount ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("compareAtCurrency", NpgsqlDbType.Text) { Value = (object?)price.CompareAtPrice?.Currency.Value ?? DBNull.Value });
    }
}
