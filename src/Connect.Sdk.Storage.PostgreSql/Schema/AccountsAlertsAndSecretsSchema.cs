namespace Connect.Sdk.Storage.PostgreSql.Schema;

/// <summary>The tables of the rate budgets, the alert subscriptions and the secrets.</summary>
internal static class AccountsAlertsAndSecretsSchema
{
    public static IReadOnlyList<PostgreSqlMigration> Migrations { get; } =
    [
        // One small row per account key, replaced by compare-and-set on version. Instants are Unix ticks, like every
        // instant in the database: absolute, so every process reads them alike; the refill per unit is in nanoseconds.
        new("rate_budgets", 1, "shared rate budgets of marketplace accounts", """
            CREATE TABLE rate_budgets (
                account         text   COLLATE "C" NOT NULL PRIMARY KEY,
                full_at         bigint NOT NULL,
                paused_until    bigint NOT NULL,
                refill_per_unit bigint NOT NULL CHECK (refill_per_unit > 0),
                version         bigint NOT NULL CHECK (version > 0)
            );
            """),

        // How long the units of requests sent and not answered yet, by every process, take to refill, in nanoseconds: a full
        // bucket drains only from their answers.
        new("rate_budgets", 2, "units in flight of shared rate budgets", """
            ALTER TABLE rate_budgets ADD COLUMN in_flight_refill bigint NOT NULL DEFAULT 0 CHECK (in_flight_refill >= 0);
            """),

        // Units in flight by process, each with a lease (RateBudgetFlightsColumn): those of a process that stopped come
        // back once its lease ends, however busy the others keep the account. Units in flight from before become a flight
        // of no process whose lease ends 10 minutes after the bucket's full-again moment: the old rule's bound, but a fixed
        // instant, so a busy account gets them back too.
        new("rate_budgets", 3, "units in flight of shared rate budgets by process", """
            ALTER TABLE rate_budgets ADD COLUMN flights text NOT NULL DEFAULT '[]';
            UPDATE rate_budgets
            SET flights = json_build_array(json_build_object('owner', '', 'refill', in_flight_refill, 'until', full_at + 6000000000))::text
            WHERE in_flight_refill > 0;
            """),

        // A delivery state belongs to its subscription: the foreign key removes it with the subscription and refuses a
        // state for a subscription that does not exist.
        new("alerts", 1, "alert subscriptions and delivery states", """
            CREATE TABLE alert_subscriptions (
                id                text  COLLATE "C" NOT NULL PRIMARY KEY,
                subscription_json jsonb NOT NULL
            );

            CREATE TABLE alert_delivery_states (
                subscription_id text   COLLATE "C" NOT NULL PRIMARY KEY REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
                version         bigint NOT NULL,
                state_json      jsonb  NOT NULL
            );
            """),

        // Version 1 kept the values as given.
        new("secrets", 1, "connection secrets", """
            CREATE TABLE secrets (
                connection  text COLLATE "C" NOT NULL,
                setting_key text COLLATE "C" NOT NULL,
                value       text NOT NULL,
                PRIMARY KEY (connection, setting_key)
            );
            """),

        // Each row says how its value is kept: the scheme of the ISecretProtector that wrote it, or 'plain'. Rows of
        // version 1 were plain text; the store protects them when it opens (PostgreSqlSecretStore.OpenAsync), which SQL
        // alone cannot, since the keys live outside the database.
        .. SecretSchema.Migrations,
    ];
}
