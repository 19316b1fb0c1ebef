namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteStockRulesStore"/>.</summary>
internal static class StockRulesSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // The safety buffer is a decimal: kept as its invariant text, since REAL would round it.
        new("stock_rules", 1, "stock rules", """
            CREATE TABLE stock_rules (
                connection         TEXT    NOT NULL PRIMARY KEY,
                safety_buffer      TEXT    NOT NULL,
                publish_percentage INTEGER NOT NULL,
                cap                INTEGER
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
