namespace Connect.Sdk.Alerts;

/// <summary>
/// Where alert subscriptions and their delivery state are kept. Part of the host SPI's store contracts; the delivery
/// state is saved with optimistic concurrency so that several workers can share one store.
/// </summary>
public interface IAlertSubscriptionStore
{
    /// <summary>Reads a subscription.</summary>
    /// <param name="id">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or <see langword="null"/> when there is none with that id.</returns>
    ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists every subscription, in ordinal (case-sensitive, culture-independent) id order.</summary>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The subscriptions.</returns>
    IAsyncEnumerable<AlertSubscription> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a subscription, or replaces the one with the same id (its delivery state is kept).</summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the subscription is saved.</returns>
    ValueTask SaveAsync(AlertSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes a subscription and its delivery state.</summary>
    /// <param name="id">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when a subscription was removed.</returns>
    ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Reads a subscription's delivery state.</summary>
    /// <param name="id">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when none is stored.</returns>
    ValueTask<AlertDeliveryState?> GetStateAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a delivery state if nobody saved it since it was read (its <see cref="AlertDeliveryState.Version"/> still
    /// matches; zero means "not stored yet") and its subscription still exists.
    /// </summary>
    /// <param name="state">The state as read and changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The saved state with its new version, or <see langword="null"/> when another writer got there first or the subscription is gone.</returns>
    ValueTask<AlertDeliveryState?> TrySaveStateAsync(AlertDeliveryState state, CancellationToken cancellationToken);
}
