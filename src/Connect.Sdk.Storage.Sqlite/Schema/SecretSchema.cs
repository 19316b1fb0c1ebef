namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteSecretStore"/>.</summary>
internal static class SecretSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // Plain text: the file's protection is the secrets' protection (see SqliteSecretStore).
        new("secrets", 1, "connection secrets", """
            CREATE TABLE secrets (
                connection  TEXT NOT NULL,
                setting_key TEXT NOT NULL,
                value       TEXT NOT NULL,
                PRIMARY KEY (connection, setting_key)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
