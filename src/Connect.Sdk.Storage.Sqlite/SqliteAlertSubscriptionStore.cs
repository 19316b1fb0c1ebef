using System.Runtime.CompilerServices;
using Connect.Sdk.Alerts;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// An <see cref="IAlertSubscriptionStore"/> in a SQLite file. Subscriptions and delivery states are JSON rows; a
/// state's version is a column, compared and raised in one write transaction, so of two workers saving the same
/// version exactly one wins.
/// </summary>
public sealed class SqliteAlertSubscriptionStore : IAlertSubscriptionStore
{
    private readonly RelationalAlertSubscriptionStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database file.</param>
    public SqliteAlertSubscriptionStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalAlertSubscriptionStore(new SqliteRelationalDatabase(database));
    }

    /// <inheritdoc />
    public ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        _store.GetAsync(id, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<AlertSubscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(AlertSubscription subscription, CancellationToken cancellationToken) =>
        _store.SaveAsync(subscription, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        _store.DeleteAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> GetStateAsync(string id, CancellationToken cancellationToken) =>
        _store.GetStateAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> TrySaveStateAsync(AlertDeliveryState state, CancellationToken cancellationToken) =>
        _store.TrySaveStateAsync(state, cancellationToken);
}
