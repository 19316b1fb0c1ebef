namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of <see cref="PostgreSqlWorkScheduleStore"/>.</summary>
internal static class WorkScheduleSchema
{
    // Work kinds and triggers are stored by name, as in the SQLite store: the tables are small, and names read well.
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        new("schedules", 1, "work schedule state with pending requests and a pause", """
            CREATE TABLE work_schedules (
                connection                text   NOT NULL,
                kind                      text   NOT NULL,
                last_scheduled_run_at     bigint,
                paused_at                 bigint,
                paused_connection_version bigint,
                version                   bigint NOT NULL,
                PRIMARY KEY (connection, kind)
            );

            CREATE TABLE work_schedule_requests (
                connection   text   NOT NULL,
                kind         text   NOT NULL,
                trigger      text   NOT NULL,
                requested_at bigint NOT NULL,
                PRIMARY KEY (connection, kind, trigger),
                FOREIGN KEY (connection, kind) REFERENCES work_schedules (connection, kind) ON DELETE CASCADE
            );
            """),
    ];
}
