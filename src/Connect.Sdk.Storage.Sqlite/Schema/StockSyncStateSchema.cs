namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteStockSyncStateStore"/>.</summary>
internal static class StockSyncStateSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // Small rows looked up by their whole key: WITHOUT ROWID keeps them in the primary key's B-tree.
        new("stock_state", 1, "stock last sent", """
            CREATE TABLE stock_sent (
                connection     TEXT    NOT NULL,
                article_number TEXT    NOT NULL,
                quantity       INTEGER NOT NULL,
                sent_at        INTEGER NOT NULL,
                PRIMARY KEY (connection, article_number)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
