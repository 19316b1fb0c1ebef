using System.Data.Common;
using Connect.Sdk.Sync;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The fence of a guarded write, inside the write's own transaction: the lease the write carries must still be its key's
/// current one in <c>work_leases</c> (same database). The row is read with <see cref="SqlDialect.LockForShare"/>, so a
/// concurrent acquire of the key waits for the write's commit (or, on a database with one writer, cannot run at all
/// until then); an acquire that committed first has already changed the token, and the check refuses the write.
/// </summary>
internal static class LeaseFence
{
    /// <summary>Throws <see cref="LeaseLostException"/>, which rolls the caller's transaction back, when the lease is no longer held.</summary>
    public static async ValueTask CheckAsync(RelationalDatabase database, DbConnection db, DbTransaction transaction, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        // Held while the key's last token is the lease's and nobody released it, expired or not: as for a renewal.
        await using var command = db.Command(transaction, $"SELECT 1 FROM work_leases WHERE lease_key = @lease_key AND last_token = @lease_token AND owner IS NOT NULL{database.Dialect.LockForShare};")
            .With("@lease_key", lease.Key)
            .With("@lease_token", lease.Token);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new LeaseLostException(lease);
        }
    }
}
