using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>Runs one-statement writes the same way in every store.</summary>
internal static class PostgreSqlStatements
{
    /// <summary>Runs one statement in its own write transaction, as the shared stores do.</summary>
    /// <returns>The number of rows the statement changed.</returns>
    public static ValueTask<int> ExecuteAsync(this PostgreSqlDatabase database, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        new PostgreSqlRelationalDatabase(database).ExecuteAsync(sql, command => bind((NpgsqlCommand)command), cancellationToken);
}
