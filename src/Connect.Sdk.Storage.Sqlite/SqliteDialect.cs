using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// SQLite's side of the shared stores' SQL. A write transaction takes the file's one write lock at its start
/// (<c>BEGIN IMMEDIATE</c>), so a read inside it needs no row lock and writers never need to take turns per scope.
/// JSON and decimals are kept as text.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one dialect object; it holds no state.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string LockForUpdate => string.Empty;

    /// <inheritdoc />
    public override string LockForShare => string.Empty;

    /// <inheritdoc />
    public override DbCommand WithJson(DbCommand command, string name, string? json) => command.With(name, json);

    /// <inheritdoc />
    /// <remarks>The texts are one JSON array (no limit on parameters, no SQL built from values).</remarks>
    public override string InTextList(string column, string name) => $"{column} IN (SELECT value FROM json_each(@{name}))";

    /// <inheritdoc />
    public override DbCommand WithTextList(DbCommand command, string name, IReadOnlyCollection<string> texts) =>
        command.With("@" + name, JsonSerializer.Serialize(texts));

    /// <inheritdoc />
    /// <remarks>Decimals are stored as their invariant text: exact and with their scale (23.90 stays 23.90), where REAL would round them.</remarks>
    public override void SetDecimal(DbParameter parameter, decimal? value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = (object?)value?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;
    }

    /// <inheritdoc />
    public override decimal GetDecimal(DbDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    /// <remarks>The rows are one JSON array of arrays, unpacked by <c>json_each</c>.</remarks>
    public override string TextRows(string name, IReadOnlyList<string> columns) =>
        $"(SELECT {string.Join(", ", columns.Select((column, i) => $"json_extract(value, '$[{i}]') AS {column}"))} FROM json_each(@{name})) AS {name}";

    /// <inheritdoc />
    public override DbCommand WithTextRows(DbCommand command, string name, IReadOnlyList<string> columns, IReadOnlyCollection<string[]> rows) =>
        command.With("@" + name, JsonSerializer.Serialize(rows));

    /// <inheritdoc />
    public override ValueTask LockScopesAsync(DbConnection db, DbTransaction transaction, string area, IEnumerable<string> scopes, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
