using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>Runs one-statement writes the same way in every store.</summary>
internal static class PostgreSqlStatements
{
    /// <summary>Runs one statement in its own write transaction.</summary>
    /// <returns>The number of rows the statement changed.</returns>
    public static ValueTask<int> ExecuteAsync(this PostgreSqlDatabase database, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = db.Command(transaction, sql);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
}
