using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>
/// Status and tracking export ("Auftragsstatus &amp; Tracking"), as the ERP and its users call it: the ERP
/// reports each change of an order (<see cref="NotifyOrderChangedAsync"/>), and in productive mode the change is
/// exported on its own; users export orders by number or retry from the journal. Every export sends the
/// latest state the ERP reported, so several changes before an export coalesce into one.
/// </summary>
public sealed class OrderStatusExport
{
    private readonly IConnectionStore _connections;
    private readonly IOrderStatusOutbox _outbox;
    private readonly SyncJournal _journal;
    private readonly ManualWorkQueue _queue;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    internal OrderStatusExport(
        IConnectionStore connections,
        IOrderStatusOutbox outbox,
        SyncJournal journal,
        ManualWorkQueue queue,
        IClock clock,
        ILogger<OrderStatusExport> logger)
    {
        _connections = connections;
        _outbox = outbox;
        _journal = journal;
        _queue = queue;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Reports that an order changed in the ERP (a new status, a parcel shipped). The update replaces any change
    /// still waiting for the order. Where exports on change are allowed (productive connection, status feature in
    /// integration mode) the journal entry becomes <see cref="JournalStatus.Queued"/> and an export run becomes
    /// due; otherwise (test phase) the entry stays <see cref="JournalStatus.NotSynced"/> with the reason, and the
    /// change is sent only when a user exports the order from the journal.
    /// </summary>
    /// <param name="connection">The connection whose marketplace the order came from.</param>
    /// <param name="update">The order's complete status and every shipment so far (partial shipments are several).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order's status journal entry after the change.</returns>
    /// <exception cref="ArgumentException">The update is incomplete (the message names the order and the field), or the connection does not exist.</exception>
    public async ValueTask<JournalEntry> NotifyOrderChangedAsync(ConnectionId connection, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        OrderStatusUpdateValidator.Validate(update);
        var state = await _connections.GetAsync(connection, cancellationToken).ConfigureAwait(false)
                    ?? throw new ArgumentException($"Connection {connection} does not exist.", nameof(connection));

        var entry = await _outbox.RecordChangeAsync(connection, update, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        OrderStatusExportMetrics.ChangeReported(coalesced: entry.Sequence - entry.HandledSequence > 1);

        var key = new JournalKey(connection, RecordKind.OrderStatus, update.OrderNumber);
        var order = await _journal.GetAsync(OrderStatusJournalDetails.OrderKey(connection, update.OrderNumber), cancellationToken).ConfigureAwait(false);
        var details = OrderStatusJournalDetails.With(OrderStatusJournalDetails.Tracking(update, TrackingExportState.Pending), order);
        var what = OrderStatusJournalDetails.Describe(update);

        var onChange = AllowedActions.Decide(state, FeatureKind.OrderStatus, SyncTrigger.Event);
        if (onChange.IsAllowed)
        {
            var queued = await _journal.UpdateAsync(
                key,
                (current, now) => current.Version > 0 && current.Status == JournalStatus.Queued
                    ? details(current)
                    : details(current.WithStatus(JournalStatus.Queued, $"The ERP reported {what}; waiting for export.", now)),
                cancellationToken).ConfigureAwait(false);
            await _queue.RequestAsync(connection, WorkKind.OrderStatusExport, SyncTrigger.Event, cancellationToken).ConfigureAwait(false);
            _logger.ChangeReported(connection, update.OrderNumber, entry.Sequence, "queued");
            return queued;
        }

        // Kept for an export from the journal, but not left pending: an automatic export that starts later (when the
        // connection becomes productive) must not send changes made in the test phase unasked.
        await _outbox.MarkHandledAsync(entry, exported: false, _clock.GetCurrentInstant(), lease: null, cancellationToken).ConfigureAwait(false);
        var manual = AllowedActions.Decide(state, FeatureKind.OrderStatus, SyncTrigger.Manual);
        var hint = manual.IsAllowed ? " Export it from the journal to send it." : string.Empty;
        var kept = await _journal.UpdateAsync(
            key,
            (current, now) => current.Version > 0 && current.Status is JournalStatus.Queued or JournalStatus.Running
                ? details(current)
                : details(current.WithStatus(JournalStatus.NotSynced, $"The ERP reported {what}; not exported on change: {onChange.Reason}{hint}", now)),
            cancellationToken).ConfigureAwait(false);
        _logger.ChangeReported(connection, update.OrderNumber, entry.Sequence, "not on change: " + onChange.Reason);
        return kept;
    }

    /// <summary>
    /// Exports the status and tracking of orders by number ("Auftragsstatus &amp; Tracking exportieren"), e.g.
    /// <c>"1001, 1002"</c>: numbers separated by commas, semicolons or spaces; duplicates are ignored. Each order is
    /// sent with the latest state the ERP reported, also when it was exported before; an order the ERP never reported
    /// is journaled as failed. Allowed in the test phase; refused (as a value) when the feature is off or the
    /// connection check has not passed.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumbers">The order numbers as the user typed them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders queued, those already waiting, the tokens that are no order number, or the refusal.</returns>
    public async ValueTask<QueueResult> ExportAsync(ConnectionId connection, string orderNumbers, CancellationToken cancellationToken)
    {
        var (numbers, rejected) = OrderNumberInput.Parse(orderNumbers);
        var details = await DetailsAsync(connection, numbers, cancellationToken).ConfigureAwait(false);
        return await _queue.QueueAsync(
            connection,
            WorkKind.OrderStatusExport,
            RecordKind.OrderStatus,
            numbers,
            "Export of status and tracking requested.",
            cancellationToken,
            details,
            rejected).ConfigureAwait(false);
    }

    /// <summary>
    /// Exports again the orders of a selection in the "Auftragsstatus &amp; Tracking" journal tab ("erneut ausführen"),
    /// after the cause of a failure was fixed: ticked records, or every entry matching a filter.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="selection">The records: by order number, or every match of a filter on the order-status tab.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders queued, those already waiting, or the refusal.</returns>
    /// <exception cref="ArgumentException">The selection's filter is for another connection or journal tab.</exception>
    public async ValueTask<QueueResult> RetryAsync(ConnectionId connection, JournalSelection selection, CancellationToken cancellationToken)
    {
        var numbers = await _journal.ResolveAsync(connection, RecordKind.OrderStatus, selection, cancellationToken).ConfigureAwait(false);
        var details = await DetailsAsync(connection, numbers, cancellationToken).ConfigureAwait(false);
        return await _queue.QueueAsync(
            connection,
            WorkKind.OrderStatusExport,
            RecordKind.OrderStatus,
            numbers,
            "Retry of the status and tracking export requested.",
            cancellationToken,
            details).ConfigureAwait(false);
    }

    private async ValueTask<Func<JournalEntry, JournalEntry>> DetailsAsync(ConnectionId connection, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var byNumber = new Dictionary<string, Func<JournalEntry, JournalEntry>>(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            var known = await _outbox.GetAsync(connection, number, cancellationToken).ConfigureAwait(false);
            var order = await _journal.GetAsync(OrderStatusJournalDetails.OrderKey(connection, number), cancellationToken).ConfigureAwait(false);
            byNumber[number] = OrderStatusJournalDetails.With(OrderStatusJournalDetails.Tracking(known?.Latest, TrackingExportState.Pending), order);
        }

        return entry => byNumber.TryGetValue(entry.Key.RecordKey, out var details) ? details(entry) : entry;
    }
}
