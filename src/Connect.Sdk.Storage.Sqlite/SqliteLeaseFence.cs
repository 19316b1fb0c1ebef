using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// The fence of a guarded write, inside the write's own transaction: the lease the write carries must still be its key's
/// current one in <c>work_leases</c> (same file). The transaction took the write lock at its start, so no other process
/// can acquire the key between this check and the commit.
/// </summary>
internal static class SqliteLeaseFence
{
    /// <summary>Throws <see cref="LeaseLostException"/>, which rolls the caller's transaction back, when the lease is no longer held.</summary>
    public static async ValueTask CheckAsync(SqliteConnection db, SqliteTransaction transaction, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        // Held while the key's last token is the lease's and nobody released it, expired or not: as for a renewal.
        await using var command = db.Command(transaction, "SELECT 1 FROM work_leases WHERE lease_key = $key AND last_token = $token AND owner IS NOT NULL;")
            .With("$key", lease.Key)
            .With("$token", lease.Token);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new LeaseLostException(lease);
        }
    }
}
