using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Tests;

/// <summary>Reads SQLite's plan of a statement, so tests can pin that a query searches an index instead of scanning.</summary>
internal static class SqliteQueryPlans
{
    /// <summary>The detail lines of <c>EXPLAIN QUERY PLAN</c> for a statement, after binding its parameters.</summary>
    internal static ValueTask<List<string>> ExplainAsync(SqliteDatabase database, string sql, Func<SqliteCommand, SqliteCommand>? bind = null) =>
        database.ReadAsync(
            async (db, ct) =>
            {
                await using var command = db.Command(null, "EXPLAIN QUERY PLAN " + sql);
                bind?.Invoke(command);
                var lines = new List<string>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    lines.Add(reader.GetString(3));
                }

                return lines;
            },
            CancellationToken.None);
}
