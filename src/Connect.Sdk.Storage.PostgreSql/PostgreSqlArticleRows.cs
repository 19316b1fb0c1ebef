using Connect.Sdk.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// Reads and writes rows kept per (connection, article) a chunk at a time, the same way for every such store (the stock
/// and prices last sent). A chunk is read with one query, its article numbers passed as one array parameter; a batch is
/// saved in one transaction and one round trip.
/// </summary>
internal static class PostgreSqlArticleRows
{
    /// <summary>
    /// Reads the rows of the given articles. <paramref name="sql"/> filters on <c>@connection</c> and on
    /// <c>article_number = ANY(@numbers)</c>, and selects the article number first.
    /// </summary>
    public static ValueTask<IReadOnlyDictionary<string, T>> ReadArticlesAsync<T>(
        this PostgreSqlDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<string> articleNumbers,
        Func<NpgsqlDataReader, string, T> read,
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

                await using var command = db.Command(snapshot, sql)
                    .With("connection", connection.Value)
                    .With("numbers", NpgsqlDbType.Array | NpgsqlDbType.Text, articleNumbers.ToArray());
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
    /// own parameters, which <paramref name="bind"/> adds. A batch with a null row is refused before anything is written,
    /// and so is a batch whose <paramref name="lease"/> is no longer held (<see cref="WorkLeaseFence"/>, in the same transaction).
    /// </summary>
    public static async ValueTask WriteArticlesAsync<T>(
        this PostgreSqlDatabase database,
        string sql,
        ConnectionId connection,
        IReadOnlyCollection<T> rows,
        WorkLease lease,
        Action<NpgsqlParameterCollection, T> bind,
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
                await WorkLeaseFence.CheckAsync(db, transaction, lease, ct).ConfigureAwait(false);

                // One batch, one round trip: a batch of thousands stays one transaction without a round trip per row.
                var batch = new NpgsqlBatch(db, transaction);
                await using (batch.ConfigureAwait(false))
                {
                    foreach (var row in rows)
                    {
                        var command = new NpgsqlBatchCommand(sql);
                        command.Parameters.AddWithValue("connection", connection.Value);
                        bind(command.Parameters, row);
                        batch.BatchCommands.Add(command);
                    }

                    return await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a row's parameter; <see langword="null"/> is stored as SQL NULL.</summary>
    public static NpgsqlParameterCollection With(this NpgsqlParameterCollection parameters, string name, object? value)
    {
        parameters.AddWithValue(name, value ?? DBNull.Value);
        return parameters;
    }
}
