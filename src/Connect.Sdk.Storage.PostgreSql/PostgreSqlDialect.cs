using System.Data;
using System.Data.Common;
using Connect.Sdk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's side of the shared stores' SQL. Many workers write at once in read-committed transactions: a write that
/// reads before it writes locks the rows it read, and batches that check many rows take turns on advisory locks
/// (<see cref="PostgreSqlLocks"/>). JSON is kept as <c>jsonb</c>, decimals as <c>numeric</c>.
/// </summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    /// <summary>The one dialect object; it holds no state.</summary>
    public static PostgreSqlDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string LockForUpdate => " FOR UPDATE";

    /// <inheritdoc />
    public override string LockForShare => " FOR SHARE";

    /// <inheritdoc />
    public override DbCommand WithJson(DbCommand command, string name, string? json)
    {
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value });
        return command;
    }

    /// <inheritdoc />
    public override string InTextList(string column, string name) => $"{column} = ANY(@{name})";

    /// <inheritdoc />
    public override DbCommand WithTextList(DbCommand command, string name, IReadOnlyCollection<string> texts)
    {
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts.ToArray() });
        return command;
    }

    /// <inheritdoc />
    /// <remarks>A <c>numeric</c> keeps the scale it was given, as the SQLite store's text does.</remarks>
    public override void SetDecimal(DbParameter parameter, decimal? value)
    {
        parameter.DbType = DbType.Decimal;
        parameter.Value = (object?)value ?? DBNull.Value;
    }

    /// <inheritdoc />
    public override decimal GetDecimal(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    /// <inheritdoc />
    /// <remarks>The rows are one <c>text[]</c> per column, zipped by <c>unnest</c>.</remarks>
    public override string TextRows(string name, IReadOnlyList<string> columns) =>
        $"unnest({string.Join(", ", columns.Select(column => $"@{name}_{column}"))}) AS {name}({string.Join(", ", columns)})";

    /// <inheritdoc />
    public override DbCommand WithTextRows(DbCommand command, string name, IReadOnlyList<string> columns, IReadOnlyCollection<string[]> rows)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = i;
            command.Parameters.Add(new NpgsqlParameter($"{name}_{columns[i]}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(row => row[column]).ToArray() });
        }

        return command;
    }

    /// <inheritdoc />
    public override async ValueTask LockScopesAsync(DbConnection db, DbTransaction transaction, string area, IEnumerable<string> scopes, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)db).LockScopesAsync((NpgsqlTransaction)transaction, area, scopes, cancellationToken).ConfigureAwait(false);
}
