namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteSecretStore"/>.</summary>
internal static class SecretSchema
{
    /// <summary>What <c>protection</c> holds for a value kept as it was entered.</summary>
    public const string PlainText = "plain";

    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("secrets", 1, "connection secrets", """
            CREATE TABLE secrets (
                connection  TEXT NOT NULL,
                setting_key TEXT NOT NULL,
                value       TEXT NOT NULL,
                PRIMARY KEY (connection, setting_key)
            ) STRICT, WITHOUT ROWID;
            """),

        // Each row says how its value is kept: the scheme of the ISecretProtector that wrote it, or 'plain'. Rows of
        // version 1 were plain text; the store protects them when it opens the file (SqliteSecretStore.OpenAsync), which
        // SQL alone cannot, since the keys live outside the file.
        new("secrets", 2, "how each secret is protected", $"""
            ALTER TABLE secrets ADD COLUMN protection TEXT NOT NULL DEFAULT '{PlainText}';
            """),
    ];
}
