using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Step two of an order import: hands one staged order to the ERP's order sink, never twice. The order of
/// the writes is what makes every crash recoverable: ledger check → readiness → sink (idempotent on the
/// key) → ledger → staged state → journal. A crash between any two leaves a state the next run finishes. An ERP
/// that refuses the order (<see cref="OrderRefusedException"/>) has it held, like an order that is not ready.
/// </summary>
internal sealed class OrderHandOverStep(
    IImportedOrderLedger ledger,
    IOrderSink sink,
    IOrderStagingStore staging,
    OrderReadiness readiness,
    OrderImportJournal journal,
    IClock clock,
    ILogger logger)
{
    /// <summary>
    /// The key the ERP sees on every hand-over of an order; the same for every retry. The connection id's
    /// length keeps ids and numbers that contain the separator from colliding.
    /// </summary>
    public static string IdempotencyKey(ConnectionId connection, string orderNumber) =>
        $"order-import:{connection.Value.Length}:{connection.Value}:{orderNumber}";

    /// <summary>
    /// Hands the order over and journals the outcome. A sink, catalog or store failure for this order is
    /// journaled as the order's failure and the run goes on; only a failing journal stops the run.
    /// </summary>
    public async ValueTask<OrderOutcome> HandOverAsync(WorkRun run, StagedOrder staged, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        await journal.SetAsync(connection, staged.OrderNumber, JournalStatus.Running, "handing the order to the ERP (step 2 of 2)", staged.Order, cancellationToken).ConfigureAwait(false);
        var outcome = await TryHandOverAsync(run, staged, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind == OrderOutcomeKind.BrokeOff)
        {
            // Handed over again by automatic runs, so an ERP that stays down is not asked for it every 15 minutes.
            await journal.FailUntilNextTryAsync(connection, staged.OrderNumber, outcome.Message, staged.Order, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await journal.SetAsync(connection, staged.OrderNumber, outcome.Status, outcome.Message, staged.Order, cancellationToken).ConfigureAwait(false);
        }

        OrderImportMetrics.HandedOver(outcome);
        return outcome;
    }

    private async ValueTask<OrderOutcome> TryHandOverAsync(WorkRun run, StagedOrder staged, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var number = staged.OrderNumber;
        string? erpOrderId = null;
        var recorded = false;
        try
        {
            if (await ledger.FindAsync(connection, number, cancellationToken).ConfigureAwait(false) is { } imported)
            {
                // Repairs the staged state of a run that crashed after the ledger write.
                await staging.MarkHandedOverAsync(connection, number, imported.ErpOrderId, run.Lease, cancellationToken).ConfigureAwait(false);
                logger.OrderAlreadyImported(connection, number, imported.ErpOrderId);
                return OrderOutcome.AlreadyImported(number, imported.ErpOrderId);
            }

            var ready = await readiness.CheckAsync(connection, run.Connector.Descriptor, staged.Order, cancellationToken).ConfigureAwait(false);
            if (ready.HoldReason is { } reason)
            {
                await staging.HoldAsync(connection, number, reason, run.Lease, cancellationToken).ConfigureAwait(false);
                logger.OrderHeld(connection, number, reason);
                return OrderOutcome.Held(reason);
            }

            var handOver = new OrderHandOver(connection, staged.Order, ready.ArticleNumbersByLineId, IdempotencyKey(connection, number));
            ErpOrderReference accepted;
            try
            {
                accepted = await sink.HandOverAsync(handOver, cancellationToken).ConfigureAwait(false);
            }
            catch (OrderRefusedException refused)
            {
                // Held like an order that fails the readiness check: handing it over again changes nothing until someone fixes it.
                var why = $"the ERP refused order {number}: {run.Redactor.Redact(refused.Reason)}; held back from the ERP until this is corrected, then retry";
                await staging.HoldAsync(connection, number, why, run.Lease, cancellationToken).ConfigureAwait(false);
                logger.OrderRefusedByErp(connection, number);
                return OrderOutcome.RefusedByErp(why);
            }

            erpOrderId = accepted.ErpOrderId;
            if (!await ledger.TryRecordAsync(new ImportedOrder(connection, number, erpOrderId, clock.GetCurrentInstant()), run.Lease, cancellationToken).ConfigureAwait(false))
            {
                // Another worker recorded it first (this worker's lease ran out under it); the ledger is the truth.
                erpOrderId = (await ledger.FindAsync(connection, number, cancellationToken).ConfigureAwait(false))?.ErpOrderId ?? erpOrderId;
            }

            recorded = true;
            await staging.MarkHandedOverAsync(connection, number, erpOrderId, run.Lease, cancellationToken).ConfigureAwait(false);
            logger.OrderImported(connection, number, erpOrderId);
            return OrderOutcome.Imported(number, erpOrderId);
        }
        // A write refused for a lost lease ends the run: the worker holding the lease now hands the order over.
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            var why = run.Redactor.Redact(ex.Message) ?? string.Empty;
            logger.HandOverBrokeOff(connection, number, ex.GetType().Name, why);
            if (recorded)
            {
                // The ledger holds the import, so the order is imported; the next run repairs the staged state.
                logger.OrderImported(connection, number, erpOrderId!);
                return OrderOutcome.Imported(number, erpOrderId!);
            }

            return OrderOutcome.BrokeOff(erpOrderId is null
                ? $"handing order {number} to the ERP broke off ({why}); it stays staged, and automatic runs (or a retry from the journal, at once) hand it over again under the same key, so the ERP never creates it twice"
                : $"the ERP accepted order {number} as {erpOrderId}, but recording the import failed ({why}); automatic runs (or a retry from the journal, at once) hand it over again under the same key, so the ERP does not create it twice");
        }
    }
}
