namespace Connect.Sdk.Storage.Sqlite.Schema;

/// <summary>The tables of <see cref="SqliteAlertSubscriptionStore"/>.</summary>
internal static class AlertSubscriptionSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // A delivery state belongs to its subscription: the foreign key removes it with the subscription and
        // refuses a state for a subscription that does not exist.
        new("alerts", 1, "alert subscriptions and delivery states", """
            CREATE TABLE alert_subscriptions (
                id                TEXT NOT NULL PRIMARY KEY,
                subscription_json TEXT NOT NULL
            ) STRICT;

            CREATE TABLE alert_delivery_states (
                subscription_id TEXT    NOT NULL PRIMARY KEY REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
                version         INTEGER NOT NULL,
                state_json      TEXT    NOT NULL
            ) STRICT;
            """),
    ];
}
