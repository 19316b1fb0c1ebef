using Connect.Sdk.Storage.Sqlite;

namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>How the secrets table records each value's protection.</summary>
internal static class SecretSchema
{
    /// <summary>What <c>protection</c> holds for a value kept as it was entered.</summary>
    public const string PlainText = StoredSecret.PlainText;

    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("secrets", 2, "how each secret is protected", $"""
            ALTER TABLE secrets ADD COLUMN protection text COLLATE "C" NOT NULL DEFAULT '{PlainText}';
            """),
    ];
}
