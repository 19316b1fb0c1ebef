namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>Which PostgreSQL database the store uses and whose clock judges its leases.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// The Npgsql connection string, e.g. <c>Host=db;Database=connect;Username=connect;Password=…</c>. Not needed when
    /// the host passes its own <c>NpgsqlDataSource</c>. It is never logged nor shown by <c>ToString()</c>.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Whose clock decides when a lease lapses; by default the database server's (see <see cref="PostgreSqlClock"/>).</summary>
    public PostgreSqlClock Clock { get; set; } = PostgreSqlClock.Database;

    /// <summary>
    /// Keeps connection secrets in the database as plain text instead of protecting them: whoever reads the database, a
    /// dump or a replica of it then reads every marketplace credential. Off by default, and meant only for a database
    /// whose storage is itself encrypted and access-controlled. A database that already holds protected secrets is
    /// refused at start-up with it.
    /// </summary>
    public bool DangerouslyStoreSecretsInPlainText { get; set; }

    /// <inheritdoc />
    public override string ToString() => DangerouslyStoreSecretsInPlainText
        ? $"PostgreSQL store options (clock: {Clock}, secrets in plain text)"
        : $"PostgreSQL store options (clock: {Clock})";
}
