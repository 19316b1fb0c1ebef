using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql.Tests.TestSupport;

/// <summary>Raw SQL a test runs on its database, e.g. a trigger that simulates a crash or watches a write.</summary>
internal static class PostgreSqlTestSql
{
    public static Task<int> ExecuteSqlAsync(this PostgreSqlDatabase database, string sql) =>
        database.WriteAsync(
            async (db, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(sql, db, transaction);
                return await command.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None).AsTask();
}
