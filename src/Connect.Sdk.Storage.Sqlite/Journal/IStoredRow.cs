namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The values of the row a read stands on, by ordinal: what the journal's row readers need, whether the row comes from a
/// data reader (<see cref="DbStoredRow"/>, the PostgreSQL store) or from a statement SQLite steps itself
/// (<c>SqliteStatement</c>, the SQLite store).
/// </summary>
internal interface IStoredRow
{
    /// <summary>Whether the value is SQL NULL.</summary>
    bool IsNull(int ordinal);

    /// <summary>The value as an integer.</summary>
    long Int64(int ordinal);

    /// <summary>The value as text.</summary>
    string String(int ordinal);
}
