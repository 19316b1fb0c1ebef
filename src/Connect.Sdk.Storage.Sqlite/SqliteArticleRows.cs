using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Reads and writes rows kept per (connection, article) a chunk at a time, the same way for every such store (the stock
/// and prices last sent). A chunk is read with one query, its article numbers passed as one JSON array parameter (no
/// limit on parameters, no SQL built from values); a batch is saved in one transaction with one prepared statement.
/// </summary>
internal static class SqliteArticleRows
{
    /// <summary>
    /// Reads the rows of the given articles. <paramref name="sql"/> filters on <c>$connection</c> and on
    /// <c>article_number IN (SELECT value FROM json_each($numbers))</c>, and selects the article number first.
    /// </summary>
    public static ValueTask<IReadOnlyDictionary<string, T>> ReadArticlesAsync<T>(
        this SqliteDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<string> articleNumbers,
        Func<SqliteDataReader, string, T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        return database.ReadAsync<IReadOnlyDictionary<string, T>>(
            async (db, ct) =>
            {
                var found = new Dictionary<string, T>(StringComparer.Ordinal);
                if (articleNumbers.Count == 0)
                {
                    return found;
                }

                await using var command = db.Command(null, sql)
                    .With("$connection", connection.Value)
                    .With("$numbers", SqliteJson.Serialize(articleNumbers));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var number = reader.GetString(0);
                    found[number] = read(reader, number);
                }

                return found;
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes a batch in one transaction: <paramref name="sql"/> runs once per row, <c>$connection</c> bound once and the
    /// row's own parameters rebound by <paramref name="bind"/>. A batch with a null row is refused before anything is written,
    /// and so is a batch whose <paramref name="lease"/> is no longer held (<see cref="SqliteLeaseFence"/>, in the same transaction).
    /// </summary>
    public static async ValueTask WriteArticlesAsync<T>(
        this SqliteDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<T> rows,
        WorkLease lease,
        Action<SqliteCommand, T> bind,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(lease);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
        }

        if (rows.Count == 0)
        {
            return;
        }

        await database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await SqliteLeaseFence.CheckAsync(db, transaction, lease, ct).ConfigureAwait(false);

                // One prepared statement, its parameters rebound per row: a batch of thousands stays one transaction.
                await using var command = db.Command(transaction, sql).With("$connection", connection.Value);
                foreach (var row in rows)
                {
                    bind(command, row);
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return rows.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
