namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlConnectionStore"/>.</summary>
internal static class ConnectionSchema
{
    // As in the SQLite store: the settings and feature modes are small maps read and written whole, so they are jsonb;
    // everything a query or a person could want to look at is a column, enums by name. Settings hold secret names only,
    // never values. The lifecycle history is append-only: rows are inserted and never changed. Ids compare bytewise
    // (COLLATE "C", like SQLite's BINARY), so the list's order does not depend on the database's locale.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("connections", 1, "connections with their lifecycle history", """
            CREATE TABLE connections (
                id                   text    COLLATE "C" NOT NULL PRIMARY KEY,
                connector_id         text    NOT NULL,
                name                 text    NOT NULL,
                settings             jsonb   NOT NULL,
                check_status         text    NOT NULL,
                check_at             bigint,
                check_message        text,
                credentials_revision bigint  NOT NULL,
                is_productive        boolean NOT NULL,
                feature_modes        jsonb   NOT NULL,
                import_mode          text    NOT NULL,
                version              bigint  NOT NULL,
                created_at           bigint  NOT NULL
            );

            CREATE TABLE connection_history (
                connection text   NOT NULL REFERENCES connections (id),
                seq        bigint NOT NULL,
                at         bigint NOT NULL,
                actor      text   NOT NULL,
                change     text   NOT NULL,
                feature    text,
                from_state text   NOT NULL,
                to_state   text   NOT NULL,
                detail     text,
                PRIMARY KEY (connection, seq)
            );
            """),
    ];
}
