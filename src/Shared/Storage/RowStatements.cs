using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// Runs one statement for each row of a batch inside the caller's transaction: in one round trip where the database
/// takes batches of statements (<see cref="DbConnection.CanCreateBatch"/>, Npgsql), else with one prepared statement
/// rebound per row (Microsoft.Data.Sqlite). Either way a batch of thousands stays one transaction.
/// </summary>
internal static class RowStatements
{
    /// <summary>Runs <paramref name="sql"/> once per row, with the parameters <paramref name="bind"/> sets for it.</summary>
    /// <returns>The number of rows run.</returns>
    public static async ValueTask<int> ExecuteForEachAsync<T>(
        SqlDialect dialect, DbConnection db, DbTransaction transaction, string sql, IReadOnlyCollection<T> rows, Action<RowParameters, T> bind, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (db.CanCreateBatch)
        {
            var batch = db.CreateBatch();
            await using (batch.ConfigureAwait(false))
            {
                batch.Transaction = transaction;
                foreach (var row in rows)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    bind(new RowParameters(command.Parameters, command.CreateParameter, dialect), row);
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return rows.Count;
            }
        }

        await using var rebound = db.Command(transaction, sql);
        var parameters = new RowParameters(rebound.Parameters, rebound.CreateParameter, dialect);
        foreach (var row in rows)
        {
            bind(parameters, row);
            await rebound.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }
}
