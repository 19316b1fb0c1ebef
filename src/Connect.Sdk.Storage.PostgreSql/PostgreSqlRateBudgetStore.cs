using Connect.Sdk.RateLimits;
using NodaTime;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IRateBudgetStore"/> in PostgreSQL, so that every process calling one marketplace account paces its
/// calls from one budget. Each state replaces the stored one only when that is still the expected version.
/// </summary>
public sealed class PostgreSqlRateBudgetStore : IRateBudgetStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlRateBudgetStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return _database.ReadAsync<RateBudgetState?>(
            async (db, snapshot, ct) =>
            {
                await using var select = db.Command(snapshot, "SELECT full_at, paused_until, refill_per_unit, version FROM rate_budgets WHERE account = @account;")
                    .With("account", account);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new RateBudgetState(reader.GetInstant(0), reader.GetInstant(1), Duration.FromNanoseconds(reader.GetInt64(2)), reader.GetInt64(3))
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

        return _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // The first state of an account is inserted, later ones replace the row of the expected version; either
                // way no row changes when another process wrote first (the UPDATE re-checks the version after waiting).
                var sql = expected is null
                    ? """
                      INSERT INTO rate_budgets (account, full_at, paused_until, refill_per_unit, version)
                      VALUES (@account, @fullAt, @pausedUntil, @refillPerUnit, @version)
                      ON CONFLICT (account) DO NOTHING;
                      """
                    : """
                      UPDATE rate_budgets SET full_at = @fullAt, paused_until = @pausedUntil, refill_per_unit = @refillPerUnit, version = @version
                      WHERE account = @account AND version = @expected;
                      """;
                await using var command = db.Command(transaction, sql)
                    .With("account", account)
                    .With("fullAt", replacement.FullAt.ToStored())
                    .With("pausedUntil", replacement.PausedUntil.ToStored())
                    .With("refillPerUnit", replacement.RefillPerUnit.ToInt64Nanoseconds())
                    .With("version", replacement.Version)
                    .With("expected", NpgsqlDbType.Bigint, expected?.Version);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }
}
