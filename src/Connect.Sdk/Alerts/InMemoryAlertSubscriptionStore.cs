using System.Runtime.CompilerServices;

namespace Connect.Sdk.Alerts;

/// <summary>An <see cref="IAlertSubscriptionStore"/> held in memory, for tests and demos.</summary>
public sealed class InMemoryAlertSubscriptionStore : IAlertSubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AlertSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertDeliveryState> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_subscriptions.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AlertSubscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AlertSubscription[] snapshot;
        lock (_gate)
        {
            snapshot = _subscriptions.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        }

        foreach (var subscription in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return subscription;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(AlertSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _subscriptions[subscription.Id] = subscription;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _states.Remove(id);
            return ValueTask.FromResult(_subscriptions.Remove(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_states.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<AlertDeliveryState?> TrySaveStateAsync(AlertDeliveryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stored = _states.GetValueOrDefault(state.SubscriptionId)?.Version ?? 0;
            if (stored != state.Version || !_subscriptions.ContainsKey(state.SubscriptionId))
            {
                return ValueTask.FromResult<AlertDeliveryState?>(null);
            }

            var saved = state with { Version = stored + 1 };
            _states[state.SubscriptionId] = saved;
            return ValueTask.FromResult<AlertDeliveryState?>(saved);
        }
    }
}
