using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// Alert subscriptions as users manage them ("Alarms verwalten"): subscribe, change, list and remove. A new
/// subscription reports incidents from the moment it is created; <see cref="AlertDispatcher"/> delivers them.
/// </summary>
public sealed class AlertSubscriptions
{
    private const int MaxSaveAttempts = 10;

    private readonly IAlertSubscriptionStore _store;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    internal AlertSubscriptions(IAlertSubscriptionStore store, IClock clock, ILogger<AlertSubscriptions> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Adds a subscription, or changes the one with the same id. A changed subscription keeps what it delivered, so
    /// nothing is delivered twice; a changed frequency or digest time takes effect from now.
    /// </summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as saved.</returns>
    /// <exception cref="ArgumentException">The id or name is empty, or no severity is chosen.</exception>
    public async ValueTask<AlertSubscription> SubscribeAsync(AlertSubscription subscription, CancellationToken cancellationToken)
    {
        var saved = Normalised(subscription);
        var before = await _store.GetAsync(saved.Id, cancellationToken).ConfigureAwait(false);
        await _store.SaveAsync(saved, cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var now = _clock.GetCurrentInstant();
            var state = await _store.GetStateAsync(saved.Id, cancellationToken).ConfigureAwait(false);
            if (state is not null && before is not null && !AlertSchedule.Changed(before, saved))
            {
                return saved;
            }

            var changed = state is null ? AlertSchedule.Initial(saved, now) : state with { NextDueAt = AlertSchedule.FirstDueAt(saved, now) };
            if (await _store.TrySaveStateAsync(changed, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                _logger.Subscribed(saved.Id, saved.Frequency, stored.NextDueAt);
                return saved;
            }

            if (attempt == MaxSaveAttempts)
            {
                throw new ConnectSdkException(ConnectSdkErrorCode.Conflict, $"The delivery state of alert subscription {saved.Id} kept changing under {MaxSaveAttempts} attempts to update it.");
            }
        }
    }

    /// <summary>Removes a subscription; nothing more is delivered for it.</summary>
    /// <param name="id">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when a subscription was removed; <see langword="false"/> when there was none.</returns>
    public async ValueTask<bool> UnsubscribeAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var removed = await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        if (removed)
        {
            _logger.Unsubscribed(id);
        }

        return removed;
    }

    /// <summary>Reads a subscription.</summary>
    /// <param name="id">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription, or <see langword="null"/> when there is none.</returns>
    public ValueTask<AlertSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _store.GetAsync(id, cancellationToken);
    }

    /// <summary>Lists every subscription, in id order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscriptions.</returns>
    public async ValueTask<IReadOnlyList<AlertSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<AlertSubscription>();
        await foreach (var subscription in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(subscription);
        }

        return all;
    }

    private static AlertSubscription Normalised(AlertSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (string.IsNullOrWhiteSpace(subscription.Id))
        {
            throw new ArgumentException("The alert subscription has no Id.", nameof(subscription));
        }

        if (string.IsNullOrWhiteSpace(subscription.Name))
        {
            throw new ArgumentException($"Alert subscription {subscription.Id}: Name is empty.", nameof(subscription));
        }

        if (subscription.Severities is not { Count: > 0 })
        {
            throw new ArgumentException($"Alert subscription {subscription.Id}: choose warnings, errors or both in Severities.", nameof(subscription));
        }

        if (!Enum.IsDefined(subscription.Frequency))
        {
            throw new ArgumentException($"Alert subscription {subscription.Id}: Frequency {subscription.Frequency} is unknown.", nameof(subscription));
        }

        // Frozen copies: a caller's set changed later must not change the stored subscription.
        return subscription with
        {
            Connections = (subscription.Connections ?? FrozenSet<ConnectionId>.Empty).ToFrozenSet(),
            Severities = subscription.Severities.ToFrozenSet(),
            RecordKinds = (subscription.RecordKinds ?? FrozenSet<Journal.RecordKind>.Empty).ToFrozenSet(),
            DigestTimeZone = subscription.DigestTimeZone ?? DateTimeZone.Utc,
        };
    }
}
