namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlImportedOrderLedger"/>.</summary>
internal static class ImportedOrderLedgerSchema
{
    // The primary key makes "recorded once" hold across processes: a second insert of the same order does nothing.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("ledger", 1, "imported orders", """
            CREATE TABLE imported_orders (
                connection   text   COLLATE "C" NOT NULL,
                order_number text   COLLATE "C" NOT NULL,
                erp_order_id text   NOT NULL,
                imported_at  bigint NOT NULL,
                PRIMARY KEY (connection, order_number)
            );
            """),
    ];
}
