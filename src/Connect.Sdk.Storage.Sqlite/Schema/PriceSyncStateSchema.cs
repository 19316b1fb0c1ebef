namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqlitePriceSyncStateStore"/>.</summary>
internal static class PriceSyncStateSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // Amounts as invariant text (exact, scale included), each with its currency; a compare-at price has both or
        // neither. Small rows looked up by their whole key: WITHOUT ROWID keeps them in the primary key's B-tree.
        new("price_state", 1, "prices last sent", """
            CREATE TABLE price_sent (
                connection          TEXT    NOT NULL,
                article_number      TEXT    NOT NULL,
                amount              TEXT    NOT NULL,
                currency            TEXT    NOT NULL,
                compare_at_amount   TEXT,
                compare_at_currency TEXT,
                sent_at             INTEGER NOT NULL,
                PRIMARY KEY (connection, article_number),
                CHECK ((compare_at_amount IS NULL) = (compare_at_currency IS NULL))
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
