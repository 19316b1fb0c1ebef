using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// Transaction-scoped advisory locks, for writes that check before they write across many rows (a batch of foreign
/// numbers): writers of one scope take turns, readers are never blocked, and the lock ends with the transaction.
/// </summary>
internal static class PostgreSqlLocks
{
    /// <summary>Waits for the advisory locks of the given scopes, in a fixed order so two writers never deadlock.</summary>
    public static async Task LockScopesAsync(this NpgsqlConnection db, NpgsqlTransaction transaction, string area, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await using var command = db.Command(transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@scope, 0));")
                .With("scope", area + ":" + scope);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
