namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlOrderStagingStore"/>.</summary>
internal static class OrderStagingSchema
{
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        // The order itself is jsonb; the columns are what queries filter and sort on. The partial index serves
        // ListPendingAsync (its WHERE must name state = 'Staged' literally to use it) and stays small, since most
        // orders are handed over. Order numbers compare bytewise (COLLATE "C"), the ordinal order of the other stores.
        new("staging", 1, "staged orders and import cursors", """
            CREATE TABLE staged_orders (
                connection   text   COLLATE "C" NOT NULL,
                order_number text   COLLATE "C" NOT NULL,
                state        text   NOT NULL CHECK (state IN ('Staged', 'Held', 'HandedOver')),
                updated_at   bigint NOT NULL,
                staged_at    bigint NOT NULL,
                hold_reason  text,
                erp_order_id text,
                order_json   jsonb  NOT NULL,
                PRIMARY KEY (connection, order_number)
            );

            CREATE INDEX staged_orders_pending ON staged_orders (connection, updated_at, order_number) WHERE state = 'Staged';

            CREATE TABLE order_cursors (
                connection    text   COLLATE "C" NOT NULL PRIMARY KEY,
                changed_since bigint NOT NULL
            );
            """),
    ];
}
