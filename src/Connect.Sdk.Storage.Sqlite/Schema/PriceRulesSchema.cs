namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqlitePriceRulesStore"/>.</summary>
internal static class PriceRulesSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // Amounts and the markup are decimals: kept as their invariant text (exact, scale included), since REAL would
        // round them. The basis is kept by name, so that reordering the enum never changes what a row means.
        new("price_rules", 1, "price rules", """
            CREATE TABLE price_rules (
                connection     TEXT NOT NULL PRIMARY KEY,
                price_list     TEXT NOT NULL,
                basis          TEXT NOT NULL CHECK (basis IN ('Net', 'Gross')),
                currency       TEXT NOT NULL,
                markup_percent TEXT NOT NULL,
                price_ending   TEXT,
                floor_amount   TEXT
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
