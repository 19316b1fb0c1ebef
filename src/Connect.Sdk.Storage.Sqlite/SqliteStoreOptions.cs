using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file and how it waits for other writers.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// The database file, e.g. <c>connect.db</c>; created with its folder on first use. Several processes may
    /// share one file on a local disk (SQLite's WAL mode does not work on network shares).
    /// </summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// How long a statement waits for another connection's write lock before it fails. Writes are short, so
    /// the default of 30 seconds is only reached when another process hangs inside a transaction.
    /// </summary>
    public Duration BusyTimeout { get; set; } = Duration.FromSeconds(30);
}
