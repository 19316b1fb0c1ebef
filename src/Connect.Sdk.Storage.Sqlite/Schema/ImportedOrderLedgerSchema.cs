namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteImportedOrderLedger"/>.</summary>
internal static class ImportedOrderLedgerSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("ledger", 1, "imported orders", """
            CREATE TABLE imported_orders (
                connection   TEXT    NOT NULL,
                order_number TEXT    NOT NULL,
                erp_order_id TEXT    NOT NULL,
                imported_at  INTEGER NOT NULL,
                PRIMARY KEY (connection, order_number)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
