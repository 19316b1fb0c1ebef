using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>
/// Runs <see cref="WorkKind.OrderStatusExport"/>: on an ERP change (event) every order of the connection with a
/// pending change in the <see cref="IOrderStatusOutbox"/>, on a user's request (manual) the connection's queued
/// order-status journal entries. Each order is exported with the latest state the ERP reported and journaled on
/// its own; one order failing or throwing does not stop the others.
/// </summary>
internal sealed class OrderStatusExportRunner(
    IOrderStatusOutbox outbox,
    SyncJournal journal,
    ManualWorkQueue queue,
    RestrictedOrderCheck restrictedOrders,
    IClock clock,
    ILogger<OrderStatusExportRunner> logger) : IWorkRunner
{
    // Each export is one marketplace call; renewing every few orders keeps a long run's lease well inside its duration.
    private const int OrdersPerLeaseRenewal = 10;

    public WorkKind Kind => WorkKind.OrderStatusExport;

    public async ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = run.Connection.Id;
        var feature = run.Connector.GetFeature<IOrderStatusFeature>()
                      ?? throw new ConnectSdkException($"Connector '{run.Connector.Descriptor.Id}' has no order status feature.") { ConnectionId = connection };

        // Waiting entries are the queued ones and those a broken-off run left Running; an event run finishes them too,
        // because an export whose outcome was never journaled would otherwise wait for the user to notice.
        var waiting = await queue.QueuedKeysAsync(connection, RecordKind.OrderStatus, cancellationToken).ConfigureAwait(false);
        var orderNumbers = run.Item.Trigger == SyncTrigger.Manual
            ? waiting
            : (await PendingOrderNumbersAsync(connection, cancellationToken).ConfigureAwait(false)).Union(waiting, StringComparer.Ordinal).ToArray();
        var waitingSet = waiting.ToHashSet(StringComparer.Ordinal);

        var summary = WorkRunSummary.Empty;
        for (var i = 0; i < orderNumbers.Count; i++)
        {
            if (i > 0 && i % OrdersPerLeaseRenewal == 0)
            {
                await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
            }

            summary = summary.Add(await ExportOrderAsync(run, feature, orderNumbers[i], waitingSet.Contains(orderNumbers[i]), cancellationToken).ConfigureAwait(false));
        }

        return summary;
    }

    private async ValueTask<IReadOnlyList<string>> PendingOrderNumbersAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        await foreach (var entry in outbox.ListPendingAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            numbers.Add(entry.OrderNumber);
        }

        return numbers;
    }

    private async ValueTask<WorkRunSummary> ExportOrderAsync(WorkRun run, IOrderStatusFeature feature, string orderNumber, bool waiting, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var key = new JournalKey(connection, RecordKind.OrderStatus, orderNumber);
        var order = await journal.GetAsync(OrderStatusJournalDetails.OrderKey(connection, orderNumber), cancellationToken).ConfigureAwait(false);

        // Read at export time, not when the run was planned, so that the latest change the ERP reported is the one sent.
        var entry = await outbox.GetAsync(connection, orderNumber, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            var none = OrderStatusJournalDetails.With(TrackingExportState.NoTracking, order);
            await journal.SetStatusAsync(key, JournalStatus.Running, "Exporting status and tracking.", cancellationToken, none).ConfigureAwait(false);
            await journal.SetStatusAsync(key, JournalStatus.Failed, $"The ERP has reported no status for order {orderNumber} yet.", cancellationToken, none).ConfigureAwait(false);
            logger.NoStatusKnown(connection, orderNumber);
            OrderStatusExportMetrics.Exported("unknown_order");
            return new WorkRunSummary(0, 0, 1, 0);
        }

        if (run.Item.Trigger != SyncTrigger.Manual && !entry.IsPending && !waiting)
        {
            return WorkRunSummary.Empty;
        }

        var update = entry.Latest;
        var what = OrderStatusJournalDetails.Describe(update);
        var pending = OrderStatusJournalDetails.With(OrderStatusJournalDetails.Tracking(update, TrackingExportState.Pending), order);
        await journal.SetStatusAsync(
            key,
            JournalStatus.Running,
            $"Exporting {what}.",
            cancellationToken,
            pending).ConfigureAwait(false);

        if (run.Scope == WriteScope.Suppressed)
        {
            await outbox.MarkHandledAsync(entry, exported: false, clock.GetCurrentInstant(), run.Lease, cancellationToken).ConfigureAwait(false);
            await journal.SetStatusAsync(
                key,
                JournalStatus.NotSynced,
                $"Import mode Demo: {what} was not sent to the marketplace.",
                cancellationToken,
                pending).ConfigureAwait(false);
            logger.ExportSuppressed(connection, orderNumber);
            OrderStatusExportMetrics.Exported("suppressed");
            return new WorkRunSummary(0, 0, 0, 1);
        }

        if (run.Scope == WriteScope.RestrictedMapping
            && await restrictedOrders.RefusalAsync(connection, run.Connection.ConnectorId, orderNumber, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            await outbox.MarkHandledAsync(entry, exported: false, clock.GetCurrentInstant(), run.Lease, cancellationToken).ConfigureAwait(false);
            await journal.SetStatusAsync(
                key,
                JournalStatus.NotSynced,
                refusal,
                cancellationToken,
                pending).ConfigureAwait(false);
            OrderStatusExportMetrics.Exported("restricted");
            return new WorkRunSummary(0, 0, 0, 1);
        }

        RecordResult result;
        try
        {
            result = await CallMarketplaceAsync(run, feature, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CredentialsRefusal.In(ex))
        {
            // Not this order's fault: it waits Queued (the change stays in the outbox), and the engine pauses the connection.
            await journal.SetStatusAsync(
                key,
                JournalStatus.Queued,
                $"Waiting to export {what}: {CredentialsRefusal.Waiting}.",
                cancellationToken,
                pending).ConfigureAwait(false);
            throw;
        }

        var accepted = result.Outcome is RecordOutcome.Succeeded or RecordOutcome.Warning;
        var stored = await outbox.MarkHandledAsync(entry, accepted, clock.GetCurrentInstant(), run.Lease, cancellationToken).ConfigureAwait(false);
        var (status, message, tracking) = Journaled(run, result, update, what, stored);
        await journal.SetStatusAsync(key, status, message, cancellationToken, OrderStatusJournalDetails.With(tracking, order)).ConfigureAwait(false);

        if (result.Outcome == RecordOutcome.Failed)
        {
            logger.ExportFailed(connection, orderNumber, message);
        }
        else
        {
            logger.Exported(connection, orderNumber, result.Outcome);
        }

        OrderStatusExportMetrics.Exported(result.Outcome.ToString().ToLowerInvariant());
        return result.Outcome switch
        {
            RecordOutcome.Succeeded => new WorkRunSummary(1, 0, 0, 0),
            RecordOutcome.Warning => new WorkRunSummary(0, 1, 0, 0),
            RecordOutcome.Failed => new WorkRunSummary(0, 0, 1, 0),
            _ => new WorkRunSummary(0, 0, 0, 1),
        };
    }

    private async ValueTask<RecordResult> CallMarketplaceAsync(WorkRun run, IOrderStatusFeature feature, OrderStatusUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            return await feature.ExportOrderStatusAsync(run.Context, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && !CredentialsRefusal.In(ex))
        {
            // A connector's exception message may quote a token or a signed URL: redacted before it is journaled or logged.
            var reason = run.Redactor.Redact(ex.Message) ?? string.Empty;
            logger.ExportThrew(run.Connection.Id, update.OrderNumber, ex.GetType().Name, reason);
            // The exception's type goes to the log only: the journal is read by ERP users, who act on the reason.
            return RecordResult.Failure(update.OrderNumber, $"The export broke off: {reason}");
        }
    }

    private static (JournalStatus Status, string Message, TrackingExportState Tracking) Journaled(
        WorkRun run, RecordResult result, OrderStatusUpdate update, string what, OrderStatusOutboxEntry stored)
    {
        var said = run.Redactor.Redact(result.Message);
        var newer = stored.IsPending ? " A newer change from the ERP waits for the next export." : string.Empty;

        // When a newer change arrived during the export, its tracking has not reached the marketplace yet.
        var exported = stored.IsPending
            ? OrderStatusJournalDetails.Tracking(stored.Latest, TrackingExportState.Pending)
            : OrderStatusJournalDetails.Tracking(update, TrackingExportState.Exported);
        return result.Outcome switch
        {
            RecordOutcome.Succeeded => (JournalStatus.Succeeded, $"Exported {what}.{newer}", exported),
            RecordOutcome.Warning => (JournalStatus.Warning, $"Exported {what} with a warning: {said ?? "no details given"}.{newer}", exported),
            RecordOutcome.Failed => (
                JournalStatus.Failed,
                said ?? $"The marketplace rejected the status of order {update.OrderNumber} without giving a reason.",
                OrderStatusJournalDetails.Tracking(update, TrackingExportState.Failed)),
            _ => (
                JournalStatus.NotSynced,
                $"The marketplace took nothing for order {update.OrderNumber}: {said ?? "no reason given"}.",
                OrderStatusJournalDetails.Tracking(update, TrackingExportState.Pending)),
        };
    }
}
