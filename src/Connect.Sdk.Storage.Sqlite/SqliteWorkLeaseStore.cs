using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IWorkLeaseStore"/> in a SQLite file, so that worker processes sharing the file never run the same
/// connection's work at once. Each call is one <c>BEGIN IMMEDIATE</c> transaction: the check and the claim cannot
/// interleave with another process's. Each key keeps its last token for good, so tokens grow also after a release.
/// </summary>
public sealed class SqliteWorkLeaseStore : IWorkLeaseStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteWorkLeaseStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryAcquireAsync(string key, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var expiresAt = now + duration;
        return _database.WriteAsync<WorkLease?>(
            async (db, transaction, ct) =>
            {
                // The key is free when nobody holds it or the holder's lease expired (at ExpiresAt, not after it).
                // Refusing also the same owner: one worker runs one piece of a connection's work at a time.
                await using var command = db.Command(transaction, """
                        INSERT INTO work_leases (lease_key, last_token, owner, expires_at) VALUES ($key, 1, $owner, $expires)
                        ON CONFLICT (lease_key) DO UPDATE SET last_token = last_token + 1, owner = excluded.owner, expires_at = excluded.expires_at
                        WHERE work_leases.owner IS NULL OR work_leases.expires_at <= $now
                        RETURNING last_token;
                        """)
                    .With("$key", key)
                    .With("$owner", owner)
                    .With("$expires", expiresAt.ToStored())
                    .With("$now", now.ToStored());
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long token
                    ? new WorkLease(key, owner, expiresAt, token)
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<WorkLease?> TryRenewAsync(WorkLease lease, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var expiresAt = now + duration;
        return _database.WriteAsync<WorkLease?>(
            async (db, transaction, ct) =>
            {
                // Still held when the key's current token is the lease's and nobody released it, expired or not.
                await using var command = db.Command(transaction, """
                        UPDATE work_leases SET expires_at = $expires
                        WHERE lease_key = $key AND last_token = $token AND owner IS NOT NULL
                        RETURNING owner;
                        """)
                    .With("$key", lease.Key)
                    .With("$token", lease.Token)
                    .With("$expires", expiresAt.ToStored());
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string owner
                    ? new WorkLease(lease.Key, owner, expiresAt, lease.Token)
                    : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await _database.ExecuteAsync(
            "UPDATE work_leases SET owner = NULL, expires_at = NULL WHERE lease_key = $key AND last_token = $token;",
            command => command.With("$key", lease.Key).With("$token", lease.Token),
            cancellationToken).ConfigureAwait(false);
    }
}
