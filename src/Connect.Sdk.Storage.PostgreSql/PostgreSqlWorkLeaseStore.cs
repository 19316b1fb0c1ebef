using Connect.Sdk.Sync;
using NodaTime;
using NpgsqlTypes;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IWorkLeaseStore"/> in PostgreSQL, so that worker processes sharing the database never run the same
/// connection's work at once. Each claim is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>: PostgreSQL locks the
/// key's row and re-checks the condition on its latest version, so two workers can never both win. Each key keeps its
/// last token for good, so tokens grow also after a release. With <see cref="PostgreSqlClock.Database"/> (the default)
/// expiry is judged by the database server's clock, not by the <c>now</c> each worker passes.
/// </summary>
public sealed class PostgreSqlWorkLeaseStore : IWorkLeaseStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlWorkLeaseStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    private bool ByDatabaseClock => _database.Clock == PostgreSqlClock.Database;

    // The current instant and a lease's expiry, in stored ticks, by the clock the options chose.
    private string Now => ByDatabaseClock ? PostgreSqlCommands.DatabaseNowTicks : "@now";

    private string ExpiresAt => ByDatabaseClock ? $"({PostgreSqlCommands.DatabaseNowTicks} + @duration)" : "(@now + @duration)";

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return _database.WriteAsync<WorkLease?>(
            async (db, transaction, ct) =>
            {
                // The key is free when nobody holds it or the holder's lease expired (at ExpiresAt, not after it).
                // Refusing also the same owner: one worker runs one piece of a connection's work at a time.
                await using var command = db.Command(transaction, $"""
                        INSERT INTO work_leases AS held (lease_key, last_token, owner, expires_at) VALUES (@key, 1, @owner, {ExpiresAt})
                        ON CONFLICT (lease_key) DO UPDATE SET last_token = held.last_token + 1, owner = excluded.owner, expires_at = excluded.expires_at
                        WHERE held.owner IS NULL OR held.expires_at <= {Now}
                        RETURNING last_token, expires_at;
                        """)
                    .With("key", key)
                    .With("owner", owner)
                    .With("now", NpgsqlDbType.Bigint, now.ToStored())
                    .With("duration", NpgsqlDbType.Bigint, duration.BclCompatibleTicks);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new WorkLease(key, owner, reader.GetInstant(1), reader.GetInt64(0))
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _database.WriteAsync<WorkLease?>(
            async (db, transaction, ct) =>
            {
                // Still held when the key's current token is the lease's and nobody released it, expired or not.
                await using var command = db.Command(transaction, $"""
                        UPDATE work_leases SET expires_at = {ExpiresAt}
                        WHERE lease_key = @key AND last_token = @token AND owner IS NOT NULL
                        RETURNING owner, expires_at;
                        """)
                    .With("key", lease.Key)
                    .With("token", lease.Token)
                    .With("now", NpgsqlDbType.Bigint, now.ToStored())
                    .With("duration", NpgsqlDbType.Bigint, duration.BclCompatibleTicks);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new WorkLease(lease.Key, reader.GetString(0), reader.GetInstant(1), lease.Token)
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await _database.ExecuteAsync(
            "UPDATE work_leases SET owner = NULL, expires_at = NULL WHERE lease_key = @key AND last_token = @token;",
            command => command.With("key", lease.Key).With("token", lease.Token),
            cancellationToken).ConfigureAwait(false);
    }
}
