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

    /// <summary>
    /// Keeps connection secrets in the file as plain text instead of protecting them: whoever reads the file, a copy or a
    /// backup of it then reads every marketplace credential. Off by default, and meant only for a file that is itself
    /// encrypted and access-controlled. A file that already holds protected secrets is refused at start-up with it.
    /// </summary>
    public bool DangerouslyStoreSecretsInPlainText { get; set; }
}
