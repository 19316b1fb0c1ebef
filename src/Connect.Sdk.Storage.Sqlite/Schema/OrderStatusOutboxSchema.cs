namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteOrderStatusOutbox"/>.</summary>
internal static class OrderStatusOutboxSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // One row per order: the latest state and the last exported one as JSON, the sequences as columns. The
        // partial index holds only pending rows and serves ListPendingAsync, whose WHERE repeats its condition.
        new("outbox", 1, "order status outbox", """
            CREATE TABLE order_status_outbox (
                connection         TEXT    NOT NULL,
                order_number       TEXT    NOT NULL,
                sequence           INTEGER NOT NULL,
                changed_at         INTEGER NOT NULL,
                handled_sequence   INTEGER NOT NULL,
                exported_sequence  INTEGER NOT NULL,
                latest_json        TEXT    NOT NULL,
                last_exported_json TEXT,
                exported_at        INTEGER,
                PRIMARY KEY (connection, order_number)
            ) STRICT;

            CREATE INDEX order_status_outbox_pending ON order_status_outbox (connection, changed_at, order_number) WHERE sequence > handled_sequence;
            """),
    ];
}
