using Connect.Sdk.RateLimits;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IRateBudgetStore"/> in a SQLite file, so that processes sharing the file share each marketplace
/// account's rate budget. The compare-and-set is one conditional statement in a <c>BEGIN IMMEDIATE</c> transaction:
/// no other process's write can come between the version check and the write.
/// </summary>
public sealed class SqliteRateBudgetStore : IRateBudgetStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteRateBudgetStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return _database.ReadAsync<RateBudgetState?>(
            async (db, ct) =>
            {
                await using var select = db.Command(null, "SELECT full_at, paused_until, refill_per_unit, version FROM rate_budgets WHERE account = $account;")
                    .With("$account", account);
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
                // way no row changes when another process wrote first.
                var sql = expected is null
                    ? """
                      INSERT INTO rate_budgets (account, full_at, paused_until, refill_per_unit, version)
                      VALUES ($account, $fullAt, $pausedUntil, $refillPerUnit, $version)
                      ON CONFLICT (account) DO NOTHING;
                      """
                    : """
                      UPDATE rate_budgets SET full_at = $fullAt, paused_until = $pausedUntil, refill_per_unit = $refillPerUnit, version = $version
                      WHERE account = $account AND version = $expected;
                      """;
                await using var command = db.Command(transaction, sql)
                    .With("$account", account)
                    .With("$fullAt", replacement.FullAt.ToStored())
                    .With("$pausedUntil", replacement.PausedUntil.ToStored())
                    .With("$refillPerUnit", replacement.RefillPerUnit.ToInt64Nanoseconds())
                    .With("$version", replacement.Version)
                    .With("$expected", expected?.Version);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }
}
