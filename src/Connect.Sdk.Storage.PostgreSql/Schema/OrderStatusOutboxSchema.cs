namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlOrderStatusOutbox"/>.</summary>
internal static class OrderStatusOutboxSchema
{
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        // One row per order: the latest state and the last exported one as jsonb, the sequences as columns. The
        // partial index holds only pending rows and serves ListPendingAsync, whose WHERE repeats its condition.
        new("outbox", 1, "order status outbox", """
            CREATE TABLE order_status_outbox (
                connection         text   COLLATE "C" NOT NULL,
                order_number       text   COLLATE "C" NOT NULL,
                sequence           bigint NOT NULL,
                changed_at         bigint NOT NULL,
                handled_sequence   bigint NOT NULL,
                exported_sequence  bigint NOT NULL,
                latest_json        jsonb  NOT NULL,
                last_exported_json jsonb,
                exported_at        bigint,
                PRIMARY KEY (connection, order_number)
            );

            CREATE INDEX order_status_outbox_pending ON order_status_outbox (connection, changed_at, order_number) WHERE sequence > handled_sequence;
            """),
    ];
}
