using System.Data;
using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The rate budget store of the SQL stores, so that every process calling one marketplace account paces its calls from
/// one budget. Each state replaces the stored one only when that is still the expected version: one conditional statement.
/// </summary>
internal sealed class RelationalRateBudgetStore(RelationalDatabase database) : IRateBudgetStore
{
    /// <inheritdoc />
    public bool KeepsFlights => true;

    /// <inheritdoc />
    public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return database.ReadAsync<RateBudgetState?>(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, "SELECT full_at, paused_until, refill_per_unit, version, in_flight_refill, flights FROM rate_budgets WHERE account = @account;")
                    .With("@account", account);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new RateBudgetState(reader.GetInstant(0), reader.GetInstant(1), Duration.FromNanoseconds(reader.GetInt64(2)), reader.GetInt64(3))
                    {
                        InFlightRefill = Duration.FromNanoseconds(reader.GetInt64(4)),
                        Flights = RateBudgetFlightsColumn.Parse(reader.GetString(5)),
                    }
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!replacement.Follows(expected))
        {
            throw new ArgumentException($"A replacement must have the version after the expected state's, not {replacement.Version}.", nameof(replacement));
        }

        return database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // The first state of an account is inserted, later ones replace the row of the expected version; either
                // way no row changes when another process wrote first (where writers run at once, the UPDATE re-checks the version after waiting).
                var sql = expected is null
                    ? """
                      INSERT INTO rate_budgets (account, full_at, paused_until, refill_per_unit, version, in_flight_refill, flights)
                      VALUES (@account, @fullAt, @pausedUntil, @refillPerUnit, @version, @inFlightRefill, @flights)
                      ON CONFLICT (account) DO NOTHING;
                      """
                    : """
                      UPDATE rate_budgets SET full_at = @fullAt, paused_until = @pausedUntil, refill_per_unit = @refillPerUnit, version = @version, in_flight_refill = @inFlightRefill, flights = @flights
                      WHERE account = @account AND version = @expected;
                      """;
                await using var command = db.Command(transaction, sql)
                    .With("@account", account)
                    .With("@fullAt", replacement.FullAt.ToStored())
                    .With("@pausedUntil", replacement.PausedUntil.ToStored())
                    .With("@refillPerUnit", replacement.RefillPerUnit.ToInt64Nanoseconds())
                    .With("@version", replacement.Version)
                    .With("@inFlightRefill", replacement.InFlightRefill.ToInt64Nanoseconds())
                    .With("@flights", RateBudgetFlightsColumn.ToStored(replacement.Flights))
                    .With("@expected", DbType.Int64, expected?.Version);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }
}
