namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteForeignNumberStore"/>.</summary>
internal static class ForeignNumberSchema
{
    // Labels compare ignoring case, so the keys hold the folded label (see OrdinalIgnoreCaseFolding) and the
    // label column keeps it as written. The primary key is the lookup by article; the unique index is the lookup
    // by foreign number and makes "a foreign number belongs to one article" hold across processes.
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("foreign_numbers", 1, "foreign numbers and the restricted article mapping", """
            CREATE TABLE foreign_numbers (
                connection     TEXT NOT NULL,
                article_number TEXT NOT NULL,
                label_folded   TEXT NOT NULL,
                label          TEXT NOT NULL,
                value          TEXT NOT NULL,
                PRIMARY KEY (connection, article_number, label_folded)
            ) STRICT, WITHOUT ROWID;

            CREATE UNIQUE INDEX foreign_numbers_by_value ON foreign_numbers (connection, label_folded, value);

            CREATE TABLE restricted_articles (
                connection     TEXT NOT NULL,
                article_number TEXT NOT NULL,
                PRIMARY KEY (connection, article_number)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
