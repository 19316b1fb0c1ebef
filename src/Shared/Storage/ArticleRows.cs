using System.Data.Common;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Reads and writes rows kept per (connection, article) a chunk at a time, the same way for every such store (the stock
/// and prices last sent). A chunk is read with one query, its article numbers passed as one list parameter
/// (<see cref="SqlDialect.InTextList"/>: no limit on parameters, no SQL built from values); a batch is saved in one
/// transaction, in one round trip where the database takes batches of statements, else with one statement rebound per row.
/// </summary>
internal static class ArticleRows
{
    /// <summary>
    /// Reads the rows of the given articles. <paramref name="sql"/> filters on <c>@connection</c> and on the articles
    /// (<c>{0}</c>, filled with the dialect's list condition on <c>article_number</c>), and selects the article number first.
    /// </summary>
    public static ValueTask<IReadOnlyDictionary<string, T>> ReadArticlesAsync<T>(
        this RelationalDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<string> articleNumbers,
        Func<DbDataReader, string, T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleNumbers);
        return database.ReadAsync<IReadOnlyDictionary<string, T>>(
            async (db, snapshot, ct) =>
            {
                var found = new Dictionary<string, T>(StringComparer.Ordinal);
                if (articleNumbers.Count == 0)
                {
                    return found;
                }

                await using var command = db.Command(snapshot, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, database.Dialect.InTextList("article_number", "numbers")))
                    .With("@connection", connection.Value);
                database.Dialect.WithTextList(command, "numbers", articleNumbers);
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
    /// Writes a batch in one transaction: <paramref name="sql"/> runs once per row with <c>@connection</c> and the row's
    /// own parameters, which <paramref name="bind"/> sets. A batch with a null row is refused before anything is written,
    /// and so is a batch whose <paramref name="lease"/> is no longer held (<see cref="LeaseFence"/>, in the same transaction).
    /// </summary>
    public static async ValueTask WriteArticlesAsync<T>(
        this RelationalDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<T> rows,
        WorkLease lease,
        Action<RowParameters, T> bind,
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
                await LeaseFence.CheckAsync(database, db, transaction, lease, ct).ConfigureAwait(false);
                return await RowStatements.ExecuteForEachAsync(
                    database.Dialect,
                    db,
                    transaction,
                    sql,
                    rows,
                    (parameters, row) => bind(parameters.With("@connection", connection.Value), row),
                    ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
