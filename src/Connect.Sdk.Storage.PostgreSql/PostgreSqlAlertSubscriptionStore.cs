using System.Runtime.CompilerServices;
using Connect.Sdk.Alerts;
using Connect.Sdk.Storage.Relational;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// An <see cref="IAlertSubscriptionStore"/> in PostgreSQL: the subscriptions as jsonb, and each one's delivery state
/// beside it with a version for optimistic concurrency; deleting a subscription removes its state.
/// </summary>
public sealed class PostgreSqlAlertSubscriptionStore : IAlertSubscriptionStore
{
    private readonly RelationalAlertSubscriptionStore _store;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlAlertSubscriptionStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = new RelationalAlertSubscriptionStore(new PostgreSqlRelationalDatabase(database));
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
