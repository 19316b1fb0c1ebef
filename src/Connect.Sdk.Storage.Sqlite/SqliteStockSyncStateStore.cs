using Connect.Sdk.Stock;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IStockSyncStateStore"/> in a SQLite file. A chunk is read with one query, its article numbers
/// passed as one JSON array parameter (no limit on parameters, no SQL built from values); a batch is saved in one
/// transaction.
/// </summary>
public sealed class SqliteStockSyncStateStore : IStockSyncStateStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteStockSyncStateStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        _database.ReadArticlesAsync(
            """
            SELECT article_number, quantity, sent_at FROM stock_sent
            WHERE connection = $connection AND article_number IN (SELECT value FROM json_each($numbers));
            """,
            connection,
            articleNumbers,
            (reader, number) => new SentStock(number, reader.GetInt32(1), reader.GetInstant(2)),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, WorkLease lease, CancellationToken cancellationToken) =>
        _database.WriteArticlesAsync(
            """
            INSERT INTO stock_sent (connection, article_number, quantity, sent_at) VALUES ($connection, $number, $quantity, $at)
            ON CONFLICT (connection, article_number) DO UPDATE SET quantity = excluded.quantity, sent_at = excluded.sent_at;
            """,
            connection,
            sent,
            lease,
            (command, item) => command
                .Rebind("$number", item.ArticleNumber)
                .Rebind("$quantity", item.Quantity)
                .Rebind("$at", item.SentAt.ToStored()),
            cancellationToken);
}
