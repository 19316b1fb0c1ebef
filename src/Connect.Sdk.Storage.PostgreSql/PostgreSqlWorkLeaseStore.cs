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
    /// <remarks>
    /// Two statements. The first adds a free row for every key never leased before and commits (rows without an owner,
    /// which nobody has to give back), so that the second sees every wanted key as a row: it locks the free ones with
    /// <c>FOR UPDATE SKIP LOCKED</c>, in the order wanted up to the limit, and takes them, all in one transaction. A claim
    /// that fails or is cancelled therefore takes either every lease it returns or none. A row another claim has locked
    /// is skipped, not waited for, and a row another claim took meanwhile is re-checked on its latest version and found
    /// held. Row locks rather than advisory locks: the lease row is what decides, and locking it is what the single-key
    /// acquisition and the fenced writes already do.
    /// </remarks>
    public async ValueTask<IReadOnlyList<WorkLease>> TryClaimAsync(IReadOnlyList<string> keys, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken)
    {
        var wanted = WorkLeaseClaim.Wanted(keys, limit, owner);
        if (wanted.Count == 0 || limit == 0)
        {
            return [];
        }

        await AddFreeRowsAsync(wanted, cancellationToken).ConfigureAwait(false);
        var claimed = await ClaimFreeRowsAsync(wanted, limit, owner, now, duration, cancellationToken).ConfigureAwait(false);
        var order = wanted.Select((key, position) => (key, position)).ToDictionary(p => p.key, p => p.position, StringComparer.Ordinal);
        return [.. claimed.OrderBy(lease => order[lease.Key])];
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

    // Claims the free keys among the wanted ones, whose rows all exist: all of them or, when the statement fails, none.
    private ValueTask<List<WorkLease>> ClaimFreeRowsAsync(IReadOnlyList<string> wanted, int limit, string owner, Instant now, Duration duration, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (db, transaction, ct) =>
            {
                // LIMIT sits above the row locks, so a skipped or re-checked row does not count towards it.
                await using var command = db.Command(transaction, $"""
                        WITH free AS (
                            SELECT lease_key FROM work_leases
                            WHERE lease_key = ANY(@keys) AND (owner IS NULL OR expires_at <= {Now})
                            ORDER BY array_position(@keys, lease_key)
                            LIMIT @limit
                            FOR UPDATE SKIP LOCKED
                        )
                        UPDATE work_leases AS held SET last_token = held.last_token + 1, owner = @owner, expires_at = {ExpiresAt}
                        FROM free WHERE held.lease_key = free.lease_key
                        RETURNING held.lease_key, held.last_token, held.expires_at;
                        """)
                    .With("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted.ToArray())
                    .With("limit", NpgsqlDbType.Integer, limit)
                    .With("owner", owner)
                    .With("now", NpgsqlDbType.Bigint, now.ToStored())
                    .With("duration", NpgsqlDbType.Bigint, duration.BclCompatibleTicks);
                var claimed = new List<WorkLease>();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    claimed.Add(new WorkLease(reader.GetString(0), owner, reader.GetInstant(2), reader.GetInt64(1)));
                }

                return claimed;
            },
            cancellationToken);

    // Adds free rows for the keys never leased before, committed at once (a statement of its own, never part of a claim's
    // transaction), so that claims lock them like any other row. Only the missing keys, so that the usual claim, of keys
    // leased before, inserts nothing and waits for nobody. In ordinal order: an insert waits for another worker's
    // uncommitted insert of the same key, and two workers inserting the same keys in opposite orders would deadlock.
    private async ValueTask AddFreeRowsAsync(IReadOnlyList<string> wanted, CancellationToken cancellationToken) =>
        await _database.ExecuteAsync(
            """
            INSERT INTO work_leases (lease_key, last_token, owner, expires_at)
            SELECT unseen.key, 0, NULL, NULL FROM unnest(@keys) WITH ORDINALITY AS unseen(key, position)
            WHERE NOT EXISTS (SELECT 1 FROM work_leases WHERE work_leases.lease_key = unseen.key)
            ORDER BY unseen.position
            ON CONFLICT (lease_key) DO NOTHING;
            """,
            command => command.With("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted.Order(StringComparer.Ordinal).ToArray()),
            cancellationToken).ConfigureAwait(false);

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
