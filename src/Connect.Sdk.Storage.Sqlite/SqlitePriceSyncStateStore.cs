using Connect.Sdk.Prices;
using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IPriceSyncStateStore"/> in a SQLite file. Amounts are kept as exact text with their currency, never as
/// REAL; a chunk is read with one query and a batch saved in one transaction, as <see cref="SqliteStockSyncStateStore"/> does.
/// </summary>
public sealed class SqlitePriceSyncStateStore : IPriceSyncStateStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqlitePriceSyncStateStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentPrice>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _database.ReadArticlesAsync(
            """
            SELECT article_number, amount, currency, compare_at_amount, compare_at_currency, sent_at FROM price_sent
            WHERE connection = $connection AND article_number IN (SELECT value FROM json_each($numbers));
            """,
            connection,
            articleNumbers,
            (reader, number) => new SentPrice(
                number,
                new Money(reader.GetStoredDecimal(1), new CurrencyCode(reader.GetString(2))),
                reader.IsDBNull(3) ? null : new Money(reader.GetStoredDecimal(3), new CurrencyCode(reader.GetString(4))),
                reader.GetInstant(5)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentPrice> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _database.WriteArticlesAsync(
            """
            INSERT INTO price_sent (connection, article_number, amount, currency, compare_at_amount, compare_at_currency, sent_at)
            VALUES ($connection, $number, $amount, $currency, $compareAtAmount, $compareAtCurrency, $at)
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

    private static void Bind(SqliteCommand command, SentPrice price) => command
        .Rebind("$number", price.ArticleNumber)
        .Rebind("$amount", price.Price.Amount.ToStored())
        .Rebind("$currency", price.Price.Currency.Value)
        .Rebind("$compareAtAmount", price.CompareAtPrice?.Amount.ToStored())
        .Rebind("$compareAtCurrency", price.CompareAtPrice?.Currency.Value)
        .Rebind("$at", price.SentAt.ToStored());
}
