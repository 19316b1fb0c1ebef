namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlForeignNumberStore"/>.</summary>
internal static class ForeignNumberSchema
{
    // As in the SQLite store: labels compare ignoring case, so the keys hold the folded label (see
    // OrdinalIgnoreCaseFolding) and the label column keeps it as written. The primary key is the lookup by article; the
    // unique index is the lookup by foreign number and makes "a foreign number belongs to one article" hold across
    // processes. Text keys compare bytewise (COLLATE "C"), the ordinal order, whatever the database's locale.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("foreign_numbers", 1, "foreign numbers and the restricted article mapping", """
            CREATE TABLE foreign_numbers (
                connection     text COLLATE "C" NOT NULL,
                article_number text COLLATE "C" NOT NULL,
                label_folded   text COLLATE "C" NOT NULL,
                label          text NOT NULL,
                value          text COLLATE "C" NOT NULL,
                PRIMARY KEY (connection, article_number, label_folded)
            );

            CREATE UNIQUE INDEX foreign_numbers_by_value ON foreign_numbers (connection, label_folded, value);

            CREATE TABLE restricted_articles (
                connection     text COLLATE "C" NOT NULL,
                article_number text COLLATE "C" NOT NULL,
                PRIMARY KEY (connection, article_number)
            );
            """),
    ];
}
