namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteWorkLeaseStore"/>.</summary>
internal static class WorkLeaseSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // One row per key, never deleted: last_token only grows, so a token is never handed out twice for a key,
        // also after a release. owner and expires_at are NULL while nobody holds the key.
        new("leases", 1, "work leases", """
            CREATE TABLE work_leases (
                lease_key  TEXT    NOT NULL PRIMARY KEY,
                last_token INTEGER NOT NULL,
                owner      TEXT,
                expires_at INTEGER,
                CHECK ((owner IS NULL) = (expires_at IS NULL))
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
