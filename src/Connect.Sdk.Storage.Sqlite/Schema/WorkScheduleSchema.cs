namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteWorkScheduleStore"/>.</summary>
internal static class WorkScheduleSchema
{
    // Work kinds and triggers are stored by name: the tables are small, and names read well in any SQLite tool.
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("schedules", 1, "work schedule state with pending requests", """
            CREATE TABLE work_schedules (
                connection            TEXT    NOT NULL,
                kind                  TEXT    NOT NULL,
                last_scheduled_run_at INTEGER,
                version               INTEGER NOT NULL,
                PRIMARY KEY (connection, kind)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE work_schedule_requests (
                connection   TEXT    NOT NULL,
                kind         TEXT    NOT NULL,
                trigger      TEXT    NOT NULL,
                requested_at INTEGER NOT NULL,
                PRIMARY KEY (connection, kind, trigger),
                FOREIGN KEY (connection, kind) REFERENCES work_schedules (connection, kind) ON DELETE CASCADE
            ) STRICT, WITHOUT ROWID;
            """),
        new("schedules", 2, "a pause of automatic runs until the user acts", """
            ALTER TABLE work_schedules ADD COLUMN paused_at INTEGER;
            ALTER TABLE work_schedules ADD COLUMN paused_connection_version INTEGER;
            """),
    ];
}
