using Npgsql;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>
/// The proof's own tables beside the SDK's, in the same database: the ERP's bookings and stock, the runs and claims each
/// worker recorded, the orders the marketplaces were given, and the marketplace process's progress. Every insert or update
/// notifies the channel <see cref="Channel"/>, so that a waiting test wakes on a change instead of polling.
/// </summary>
/// <remarks>
/// Bookings have no unique constraint on purpose: an order handed over by two processes at once shows as two rows.
/// Times come from the database's clock (<c>clock_timestamp()</c>), so processes compare on one clock.
/// </remarks>
public static class ScalingTables
{
    /// <summary>The channel every change of the proof's tables is notified on.</summary>
    public const string Channel = "connect_sdk_scaling";

    private const string Ddl = $"""
        CREATE TABLE IF NOT EXISTS scaling_runs (
            id bigserial PRIMARY KEY,
            lease_key text NOT NULL,
            lease_token bigint NOT NULL,
            worker_id text NOT NULL,
            pid integer NOT NULL,
            started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            ended_at timestamptz,
            unrun boolean NOT NULL DEFAULT false);
        CREATE TABLE IF NOT EXISTS scaling_claims (
            id bigserial PRIMARY KEY,
            worker_id text NOT NULL,
            claimed integer NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE TABLE IF NOT EXISTS scaling_bookings (
            id bigserial PRIMARY KEY,
            connection_id text NOT NULL,
            order_number text NOT NULL,
            idempotency_key text NOT NULL,
            worker_id text NOT NULL,
            pid integer NOT NULL,
            booked_at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE TABLE IF NOT EXISTS scaling_handovers (
            id bigserial PRIMARY KEY,
            idempotency_key text NOT NULL,
            booking_id bigint NOT NULL,
            repeated boolean NOT NULL,
            worker_id text NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE TABLE IF NOT EXISTS scaling_orders (
            connection_id text NOT NULL,
            order_number text NOT NULL,
            placed_at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE TABLE IF NOT EXISTS scaling_stock (
            article_number text PRIMARY KEY,
            on_hand numeric NOT NULL);
        CREATE TABLE IF NOT EXISTS scaling_progress (
            step text PRIMARY KEY,
            count integer NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE OR REPLACE FUNCTION scaling_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('{Channel}', TG_TABLE_NAME); RETURN NULL; END $$;
        CREATE OR REPLACE TRIGGER scaling_runs_notify AFTER INSERT OR UPDATE ON scaling_runs
            FOR EACH STATEMENT EXECUTE FUNCTION scaling_notify();
        CREATE OR REPLACE TRIGGER scaling_bookings_notify AFTER INSERT ON scaling_bookings
            FOR EACH STATEMENT EXECUTE FUNCTION scaling_notify();
        CREATE OR REPLACE TRIGGER scaling_progress_notify AFTER INSERT OR UPDATE ON scaling_progress
            FOR EACH STATEMENT EXECUTE FUNCTION scaling_notify();
        """;

    /// <summary>Creates the tables unless they exist.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that the marketplace process reached a step, e.g. <c>ready</c> with the number of connections.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="step">The step.</param>
    /// <param name="count">What it counts.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the step is recorded.</returns>
    public static async Task RecordProgressAsync(NpgsqlDataSource dataSource, string step, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO scaling_progress (step, count) VALUES ($1, $2) ON CONFLICT (step) DO UPDATE SET count = excluded.count, at = clock_timestamp()");
        command.Parameters.AddWithValue(step);
        command.Parameters.AddWithValue(count);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
