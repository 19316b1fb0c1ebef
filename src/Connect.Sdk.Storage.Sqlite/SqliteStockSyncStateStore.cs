using Connect.Sdk.Stock;

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
    public ValueTask<IReadOnlyDictionary<string, SentStock>> GetAsync(ConnectionId connection, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        return _database.ReadAsync<IReadOnlyDictionary<string, SentStock>>(
            async (db, ct) =>
            {
                var found = new Dictionary<string, SentStock>(StringComparer.Ordinal);
                if (articleNumbers.Count == 0)
                {
                    return found;
                }

                await using var command = db.Command(null, """
                        SELECT article_number, quantity, sent_at FROM stock_sent
                        WHERE connection = $connection AND article_number IN (SELECT value FROM json_each($numbers));
                        """)
                    .With("$connection", connection.Value)
                    .With("$numbers", SqliteJson.Serialize(articleNumbers));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var number = reader.GetString(0);
                    found[number] = new SentStock(number, reader.GetInt32(1), reader.GetInstant(2));
                }

                return found;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(ConnectionId connection, IReadOnlyCollection<SentStock> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        foreach (var item in sent)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(sent));
        }

        if (sent.Count == 0)
        {
            return;
        }

        await _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // One prepared statement, its parameters rebound per article: a batch of thousands stays one transaction.
                await using var command = db.Command(transaction, """
                        INSERT INTO stock_sent (connection, article_number, quantity, sent_at) VALUES ($connection, $number, $quantity, $at)
                        ON CONFLICT (connection, article_number) DO UPDATE SET quantity = excluded.quantity, sent_at = excluded.sent_at;
                        """)
                    .With("$connection", connection.Value)
                    .With("$number", string.Empty)
                    .With("$quantity", 0)
                    .With("$at", 0L);
                foreach (var item in sent)
                {
                    command.Parameters["$number"].Value = item.ArticleNumber;
                    command.Parameters["$quantity"].Value = item.Quantity;
                    command.Parameters["$at"].Value = item.SentAt.ToStored();
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return sent.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
