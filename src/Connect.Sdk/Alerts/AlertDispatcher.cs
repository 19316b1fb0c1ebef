using System.Collections.Frozen;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Alerts;

/// <summary>
/// Delivers the alerts that are due: for every subscription whose time has come (immediate ones at every call,
/// hourly ones once an hour, digests once a day), the incidents in the journal since its last delivery, through the
/// host's <see cref="IAlertSink"/>. The SDK starts no timer: the host's scheduler calls
/// <see cref="DispatchDueAsync"/>, e.g. after each sync run or every minute, and at <see cref="AlertDispatchResult.NextDueAt"/>.
/// </summary>
/// <remarks>
/// Each incident is delivered once per subscription: what was delivered is recorded per subscription, a
/// subscription is dispatched by one worker at a time (a lease), and a notification the sink did not take is
/// delivered on a later call instead of being lost.
/// </remarks>
public sealed class AlertDispatcher
{
    /// <summary>How far each evaluation looks back behind the last one, for journal entries written by workers whose clocks run a little behind.</summary>
    internal static readonly Duration LookBack = Duration.FromMinutes(5);

    private const int MaxSaveAttempts = 10;

    private readonly IAlertSubscriptionStore _store;
    private readonly AlertIncidentReader _reader;
    private readonly AlertComposer _composer;
    private readonly IAlertSink _sink;
    private readonly IWorkLeaseStore _leases;
    private readonly IClock _clock;
    private readonly IOptions<ConnectSdkOptions> _options;
    private readonly ILogger _logger;

    internal AlertDispatcher(
        IAlertSubscriptionStore store,
        AlertIncidentReader reader,
        AlertComposer composer,
        IAlertSink sink,
        IWorkLeaseStore leases,
        IClock clock,
        IOptions<ConnectSdkOptions> options,
        ILogger<AlertDispatcher> logger)
    {
        _store = store;
        _reader = reader;
        _composer = composer;
        _sink = sink;
        _leases = leases;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>Delivers the notifications of every subscription that is due now.</summary>
    /// <param name="cancellationToken">Cancels the dispatch; what was delivered until then is recorded.</param>
    /// <returns>The notifications delivered, those the sink did not take, and when the next hourly or daily subscription is due.</returns>
    public async ValueTask<AlertDispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var delivered = new List<AlertNotification>();
        var failures = new List<AlertDeliveryFailure>();
        Instant? next = null;
        await foreach (var subscription in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var (sent, failed, dueAt) = await DispatchAsync(subscription, now, cancellationToken).ConfigureAwait(false);
            delivered.AddRange(sent);
            failures.AddRange(failed);
            if (subscription.Frequency != AlertFrequency.Immediately && dueAt > now && (next is null || dueAt < next))
            {
                next = dueAt;
            }
        }

        return new AlertDispatchResult(delivered, failures, next);
    }

    private async ValueTask<(IReadOnlyList<AlertNotification> Delivered, IReadOnlyList<AlertDeliveryFailure> Failures, Instant? NextDueAt)> DispatchAsync(
        AlertSubscription subscription, Instant now, CancellationToken cancellationToken)
    {
        var state = await _store.GetStateAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            // Saved by a host straight into the store: it starts now, like one created through AlertSubscriptions.
            var created = await _store.TrySaveStateAsync(AlertSchedule.Initial(subscription, now), cancellationToken).ConfigureAwait(false);
            return ([], [], created?.NextDueAt);
        }

        if (now < state.NextDueAt)
        {
            return ([], [], state.NextDueAt);
        }

        var options = _options.Value;
        var lease = await _leases.TryAcquireAsync($"alert-subscription:{subscription.Id}", options.WorkerId, now, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            _logger.Busy(subscription.Id);
            return ([], [], null);
        }

        try
        {
            // Read again under the lease: another worker may have served this slot since the first read.
            state = await _store.GetStateAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            if (state is null || now < state.NextDueAt)
            {
                return ([], [], state?.NextDueAt);
            }

            return await DeliverAsync(subscription, state, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask<(IReadOnlyList<AlertNotification> Delivered, IReadOnlyList<AlertDeliveryFailure> Failures, Instant? NextDueAt)> DeliverAsync(
        AlertSubscription subscription, AlertDeliveryState state, Instant now, CancellationToken cancellationToken)
    {
        var from = Max(state.SubscribedAt, state.EvaluatedUntil - LookBack);
        var incidents = (await _reader.ReadAsync(subscription, from, now, cancellationToken).ConfigureAwait(false))
            .Where(i => !state.Delivered.ContainsKey(i.Id))
            .ToArray();
        var notifications = await _composer.ComposeAsync(subscription, incidents, now, cancellationToken).ConfigureAwait(false);

        var delivered = new List<AlertNotification>();
        var failures = new List<AlertDeliveryFailure>();
        var undelivered = new List<AlertIncident>(incidents);
        AlertDeliveryState? saved = null;
        try
        {
            foreach (var notification in notifications)
            {
                try
                {
                    await _sink.DeliverAsync(notification, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _logger.DeliveryFailed(subscription.Id, notification.Connection, ex.GetType().Name, notification.Incidents.Count);
                    AlertMetrics.DeliveryFailed();
                    failures.Add(new AlertDeliveryFailure(subscription.Id, notification.Connection, notification.Incidents.Count, $"{ex.GetType().Name}: {ex.Message}"));
                    continue;
                }

                delivered.Add(notification);
                undelivered.RemoveAll(i => i.Record.Connection == notification.Connection);
                _logger.Delivered(subscription.Id, notification.Connection, notification.Severity, notification.Incidents.Count);
                AlertMetrics.Delivered(subscription.Frequency, notification);
            }
        }
        finally
        {
            // Recorded even when cancelled midway, so that what the sink took is never delivered again.
            saved = await RecordAsync(subscription, now, delivered, undelivered, CancellationToken.None).ConfigureAwait(false);
        }

        return (delivered, failures, saved?.NextDueAt);
    }

    private async ValueTask<AlertDeliveryState?> RecordAsync(
        AlertSubscription subscription, Instant now, List<AlertNotification> delivered, List<AlertIncident> undelivered, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetStateAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            // An incident the sink did not take keeps the watermark behind it, so that the next evaluation finds it again.
            var evaluatedUntil = undelivered.Count == 0 ? Max(current.EvaluatedUntil, now) : Max(current.EvaluatedUntil, undelivered.Min(i => i.At));
            var keepFrom = evaluatedUntil - LookBack;
            var remembered = current.Delivered
                .Concat(delivered.SelectMany(n => n.Incidents).Select(i => new KeyValuePair<string, Instant>(i.Id, i.At)))
                .Where(d => d.Value >= keepFrom)
                .DistinctBy(d => d.Key)
                .ToFrozenDictionary();
            var changed = current with
            {
                EvaluatedUntil = evaluatedUntil,
                Delivered = remembered,

                // After a failure the subscription stays due, so that the next call tries again.
                NextDueAt = undelivered.Count == 0 ? AlertSchedule.NextDueAt(subscription, current.NextDueAt, now) : current.NextDueAt,
                LastDeliveredAt = delivered.Count > 0 ? now : current.LastDeliveredAt,
            };
            if (await _store.TrySaveStateAsync(changed, cancellationToken).ConfigureAwait(false) is { } saved)
            {
                return saved;
            }

            if (attempt == MaxSaveAttempts)
            {
                throw new ConnectSdkException(ConnectSdkErrorCode.Conflict, $"The delivery state of alert subscription {subscription.Id} kept changing under {MaxSaveAttempts} attempts to update it.");
            }
        }
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
