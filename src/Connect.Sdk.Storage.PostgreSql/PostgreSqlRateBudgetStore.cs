using Connect.Sdk.RateLimits;
using Connect.Sdk.Storage.Relational;
using NodaTime;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IRateBudgetStore"/> in PostgreSQL, so that every process calling one marketplace account paces its
/// calls from one budget. Each state replaces the stored one only when that is still the expected version.
/// </summary>
public sealed class PostgreSqlRateBudgetStore : IRateBudgetStore
{
    private readonly RelationalRateBudgetStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlRateBudgetStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalRateBudgetStore(new PostgreSqlRelationalDatabase(database));
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
