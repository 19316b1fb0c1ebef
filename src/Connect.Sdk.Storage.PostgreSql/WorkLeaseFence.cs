using Connect.Sdk.Sync;
using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// The fence of a guarded write, inside the write's own transaction: the lease the write carries must still be its key's
/// current one in <c>work_leases</c> (same database). <c>FOR SHARE</c> locks the lease row until the write's transaction
/// ends, so a concurrent acquire (an <c>ON CONFLICT DO UPDATE</c> of that row) waits for the commit; an acquire that
/// committed first has already changed the token, and the check refuses the write.
/// </summary>
internal static class WorkLeaseFence
{
    // Held while the key's last token is the lease's and nobody released it, expired or not: as for a renewal.
    private const string LeaseStillHeld = """
        SELECT 1 FROM work_leases
        WHERE lease_key = @lease_key AND last_token = @lease_token AND owner IS NOT NULL
        FOR SHARE;
        """;

    /// <summary>Throws <see cref="LeaseLostException"/>, which rolls the caller's transaction back, when the lease is no longer held.</summary>
    public static async ValueTask CheckAsync(NpgsqlConnection db, NpgsqlTransaction transaction, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var command = db.Command(transaction, LeaseStillHeld)
            .With("lease_key", lease.Key)
            .With("lease_token", lease.Token);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new LeaseLostException(lease);
        }
    }
}
