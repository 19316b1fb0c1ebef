namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteConnectionStore"/>.</summary>
internal static class ConnectionSchema
{
    // The settings and feature modes are small maps read and written whole, so they are JSON; everything a query
    // or a person could want to look at is a column, enums by name. Settings hold secret names only, never values.
    // The lifecycle history is append-only: rows are inserted and never changed.
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("connections", 1, "connections with their lifecycle history", """
            CREATE TABLE connections (
                id                   TEXT    NOT NULL PRIMARY KEY,
                connector_id         TEXT    NOT NULL,
                name                 TEXT    NOT NULL,
                settings             TEXT    NOT NULL,
                check_status         TEXT    NOT NULL,
                check_at             INTEGER,
                check_message        TEXT,
                credentials_revision INTEGER NOT NULL,
                is_productive        INTEGER NOT NULL,
                feature_modes        TEXT    NOT NULL,
                import_mode          TEXT    NOT NULL,
                version              INTEGER NOT NULL,
                created_at           INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE connection_history (
                connection TEXT    NOT NULL REFERENCES connections (id),
                seq        INTEGER NOT NULL,
                at         INTEGER NOT NULL,
                actor      TEXT    NOT NULL,
                change     TEXT    NOT NULL,
                feature    TEXT,
                from_state TEXT    NOT NULL,
                to_state   TEXT    NOT NULL,
                detail     TEXT,
                PRIMARY KEY (connection, seq)
            ) STRICT, WITHOUT ROWID;
            """),
    ];
}
