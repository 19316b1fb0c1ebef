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

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL store options (clock: {Clock})";
}
