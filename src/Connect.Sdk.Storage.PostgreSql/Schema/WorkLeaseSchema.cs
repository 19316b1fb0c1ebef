namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlWorkLeaseStore"/>.</summary>
internal static class WorkLeaseSchema
{
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        // One row per key, never deleted: last_token only grows, so a token is never handed out twice for a key,
        // also after a release. owner and expires_at (Unix ticks) are NULL while nobody holds the key.
        new("leases", 1, "work leases", """
            CREATE TABLE work_leases (
                lease_key  text   NOT NULL PRIMARY KEY,
                last_token bigint NOT NULL,
                owner      text,
                expires_at bigint,
                CHECK ((owner IS NULL) = (expires_at IS NULL))
            );
            """),
    ];
}
