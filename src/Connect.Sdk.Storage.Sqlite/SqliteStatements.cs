using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>Runs one-statement writes the same way in every store.</summary>
internal static class SqliteStatements
{
    /// <summary>Runs one statement in its own write transaction, as the shared stores do.</summary>
    /// <returns>The number of rows the statement changed.</returns>
    public static ValueTask<int> ExecuteAsync(this SqliteDatabase database, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        new SqliteRelationalDatabase(database).ExecuteAsync(sql, command => bind((SqliteCommand)command), cancellationToken);
}
