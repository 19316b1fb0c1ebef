namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteOrderStagingStore"/>.</summary>
internal static class OrderStagingSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // The order itself is JSON; the columns are what queries filter and sort on. The partial index serves
        // ListPendingAsync (its WHERE must name state = 'Staged' literally to use it) and stays small, since
        // most orders are handed over.
        new("staging", 1, "staged orders and import cursors", """
            CREATE TABLE staged_orders (
                connection   TEXT    NOT NULL,
                order_number TEXT    NOT NULL,
                state        TEXT    NOT NULL CHECK (state IN ('Staged', 'Held', 'HandedOver')),
                updated_at   INTEGER NOT NULL,
                staged_at    INTEGER NOT NULL,
                hold_reason  TEXT,
                erp_order_id TEXT,
                order_json   TEXT    NOT NULL,
                PRIMARY KEY (connection, order_number)
            ) STRICT;

            CREATE INDEX staged_orders_pending ON staged_orders (connection, updated_at, order_number) WHERE state = 'Staged';

            CREATE TABLE order_cursors (
                connection    TEXT    NOT NULL PRIMARY KEY,
                changed_since INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
