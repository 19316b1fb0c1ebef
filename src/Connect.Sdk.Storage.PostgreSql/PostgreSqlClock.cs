namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>Whose clock decides when a lease lapses.</summary>
public enum PostgreSqlClock
{
    /// <summary>
    /// The database server's clock (the default): every worker is judged by the same time, so a worker whose clock runs
    /// fast cannot take a lease another still holds. The instants the callers pass are ignored for expiry.
    /// </summary>
    Database = 0,

    /// <summary>
    /// The instants the callers pass, as the in-memory and SQLite stores use them: for tests that simulate time with a
    /// fake clock, and for hosts whose workers share one clock anyway.
    /// </summary>
    Caller = 1,
}
