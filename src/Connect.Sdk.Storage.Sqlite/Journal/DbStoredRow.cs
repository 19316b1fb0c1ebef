using System.Data.Common;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>The current row of a data reader as an <see cref="IStoredRow"/>.</summary>
internal readonly struct DbStoredRow(DbDataReader reader) : IStoredRow
{
    /// <inheritdoc />
    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    /// <inheritdoc />
    public long Int64(int ordinal) => reader.GetInt64(ordinal);

    /// <inheritdoc />
    public string String(int ordinal) => reader.GetString(ordinal);
}
