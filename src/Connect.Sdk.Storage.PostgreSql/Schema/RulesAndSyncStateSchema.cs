namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of the stock and price rules and of the stock and prices last sent.</summary>
internal static class RulesAndSyncStateSchema
{
    // Amounts, buffers and the markup are numeric: exact, and numeric keeps the scale (23.90 stays 23.90) as the
    // SQLite store's invariant text does. Enums by name, so that reordering an enum never changes what a row means.
    // A compare-at price has its amount and currency, or neither.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("stock_rules", 1, "stock rules", """
            CREATE TABLE stock_rules (
                connection         text    COLLATE "C" NOT NULL PRIMARY KEY,
                safety_buffer      numeric NOT NULL,
                publish_percentage integer NOT NULL,
                cap                integer
            );
            """),
        new("stock_state", 1, "stock last sent", """
            CREATE TABLE stock_sent (
                connection     text    COLLATE "C" NOT NULL,
                article_number text    COLLATE "C" NOT NULL,
                quantity       integer NOT NULL,
                sent_at        bigint  NOT NULL,
                PRIMARY KEY (connection, article_number)
            );
            """),
        new("price_rules", 1, "price rules", """
            CREATE TABLE price_rules (
                connection     text    COLLATE "C" NOT NULL PRIMARY KEY,
                price_list     text    NOT NULL,
                basis          text    NOT NULL CHECK (basis IN ('Net', 'Gross')),
                currency       text    NOT NULL,
                markup_percent numeric NOT NULL,
                price_ending   numeric,
                floor_amount   numeric
            );
            """),
        new("price_state", 1, "prices last sent", """
            CREATE TABLE price_sent (
                connection          text    COLLATE "C" NOT NULL,
                article_number      text    COLLATE "C" NOT NULL,
                amount              numeric NOT NULL,
                currency            text    NOT NULL,
                compare_at_amount   numeric,
                compare_at_currency text,
                sent_at             bigint  NOT NULL,
                PRIMARY KEY (connection, article_number),
                CHECK ((compare_at_amount IS NULL) = (compare_at_currency IS NULL))
            );
            """),
    ];
}
