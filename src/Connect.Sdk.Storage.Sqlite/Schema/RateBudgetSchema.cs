namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The table of <see cref="SqliteRateBudgetStore"/>.</summary>
internal static class RateBudgetSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // One small row per account key, replaced by compare-and-set on version. Instants are Unix ticks, like every
        // instant in the file: absolute, so every process reads them alike; the refill per unit is in nanoseconds.
        new("rate_budgets", 1, "shared rate budgets of marketplace accounts", """
            CREATE TABLE rate_budgets (
                account         TEXT    NOT NULL PRIMARY KEY,
                full_at         INTEGER NOT NULL,
                paused_until    INTEGER NOT NULL,
                refill_per_unit INTEGER NOT NULL CHECK (refill_per_unit > 0),
                version         INTEGER NOT NULL CHECK (version > 0)
            ) STRICT, WITHOUT ROWID;
            """),

        // How long the units of requests sent and not answered yet, by every process, take to refill, in nanoseconds: a full
        // bucket drains only from their answers.
        new("rate_budgets", 2, "units in flight of shared rate budgets", """
            ALTER TABLE rate_budgets ADD COLUMN in_flight_refill INTEGER NOT NULL DEFAULT 0 CHECK (in_flight_refill >= 0);
            """),

        // Units in flight by process, each with a lease (RateBudgetFlightsColumn): those of a process that stopped come
        // back once its lease ends, however busy the others keep the account. Units in flight from before become a flight
        // of no process whose lease ends 10 minutes after the bucket's full-again moment: the old rule's bound, but a fixed
        // instant, so a busy account gets them back too.
        new("rate_budgets", 3, "units in flight of shared rate budgets by process", """
            ALTER TABLE rate_budgets ADD COLUMN flights TEXT NOT NULL DEFAULT '[]';
            UPDATE rate_budgets
            SET flights = json_array(json_object('owner', '', 'refill', in_flight_refill, 'until', full_at + 6000000000))
            WHERE in_flight_refill > 0;
            """),
    ];
}
