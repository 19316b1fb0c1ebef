using Connect.Sdk.RateLimits;
using Connect.Sdk.Storage.Relational;
using NodaTime;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IRateBudgetStore"/> in a SQLite file, so that processes sharing the file share each marketplace
/// account's rate budget. The compare-and-set is one conditional statement in a <c>BEGIN IMMEDIATE</c> transaction:
/// no other process's write can come between the version check and the write.
/// </summary>
public sealed class SqliteRateBudgetStore : IRateBudgetStore
{
    private readonly RelationalRateBudgetStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteRateBudgetStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalRateBudgetStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public bool KeepsFlights => true;

    /// <inheritdoc />
    public ValueTask<RateBudgetState?> GetAsync(string account, CancellationToken cancellationToken) =>
        _store.GetAsync(account, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(string account, RateBudgetState? expected, RateBudgetState replacement, CancellationToken cancellationToken) =>
        _store.TryReplaceAsync(account, expected, replacement, cancellationToken);
}
