using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;
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
        return _database.WriteAsync(
            (db, transaction, ct) => TryTakeAsync(db, transaction, key, owner, now, now + duration, ct),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One write transaction for all the keys: SQLite has one writer at a time, so another worker's claim waits for this
    /// one to commit (within the database's busy timeout) and then finds the keys taken, rather than racing for them.
    /// </remarks>
    public ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var wanted = WorkLeaseClaim.Wanted(keys, limit, owner);
        if (wanted.Count == 0 || limit == 0)
        {
            // Nothing to take: no reason to wait for the file's write lock, or to keep other writers waiting.
            return ValueTask.FromResult<IReadOnlyList<WorkLease>>([]);
        }

        var expiresAt = now + duration;
        return _database.WriteAsync<IReadOnlyList<WorkLease>>(
            async (db, transaction, ct) =>
            {
                var claimed = new List<WorkLease>();
                foreach (var key in wanted)
                {
                    if (claimed.Count == limit)
                    {
                        break;
                    }

                    if (await TryTakeAsync(db, transaction, key, owner, now, expiresAt, ct).ConfigureAwait(false) is { } lease)
                    {
                        claimed.Add(lease);
                    }
                }

                return claimed;
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

    // The key is free when nobody holds it or the holder's lease expired (at ExpiresAt, not after it). Refusing also the
    // same owner: one worker runs one piece of a connection's work at a time.
    private static async ValueTask<WorkLease?> TryTakeAsync(SqliteConnection db, SqliteTransaction transaction, string key, string owner, Instant now, Instant expiresAt, CancellationToken cancellationToken)
    {
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
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long token
            ? new WorkLease(key, owner, expiresAt, token)
            : null;
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
