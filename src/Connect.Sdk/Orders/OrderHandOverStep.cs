using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Step two of an order import: hands staged orders to the ERP's order sink, never twice, a batch (a page) at a
/// time. The order of the writes is what makes every crash recoverable: journal "running" → ledger check → readiness
/// → sink (idempotent on the key) → ledger → staged state → journal outcome. Each store step is one write for the
/// batch; a crash between any two leaves a state the next run finishes, because the sink returns the ERP order it
/// created for a key it has seen. An ERP that refuses the order (<see cref="OrderRefusedException"/>) has it held,
/// like an order that is not ready. A store write for the batch that fails is repeated order by order, so that one
/// bad order fails alone.
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
    /// Hands the orders over and journals each outcome. A sink, catalog or store failure for an order is
    /// journaled as that order's failure and the run goes on; only a failing journal stops the run.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="orders">The staged orders.</param>
    /// <param name="justLoaded">
    /// Whether the orders were staged by this run just now: their journal entries then say "loaded, waiting" and
    /// "handing over" in one write, the two lines of history a crash in step two leaves visible.
    /// </param>
    /// <param name="entries">The orders' journal entries as the run just read them, or <see langword="null"/> to read them.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>Each order's outcome, in the order given.</returns>
    public async ValueTask<IReadOnlyList<OrderOutcome>> HandOverAsync(
        WorkRun run,
        IReadOnlyList<StagedOrder> orders,
        bool justLoaded,
        IReadOnlyDictionary<string, JournalEntry>? entries,
        CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        if (orders.Count == 0)
        {
            return [];
        }

        var started = await journal.ChangeManyAsync(connection, orders.Select(o => Starting(o, justLoaded)).ToArray(), entries, cancellationToken).ConfigureAwait(false);
        var outcomes = await TryHandOverAsync(run, orders, cancellationToken).ConfigureAwait(false);

        var changes = new OrderJournalChange[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            // An order that broke off is handed over again by automatic runs, so an ERP that stays down is not asked for it every 15 minutes.
            changes[i] = outcomes[i].Kind == OrderOutcomeKind.BrokeOff
                ? OrderImportJournal.FailUntilNextTry(orders[i].OrderNumber, outcomes[i].Message, orders[i].Order)
                : OrderImportJournal.Status(orders[i].OrderNumber, outcomes[i].Status, outcomes[i].Message, orders[i].Order);
        }

        await journal.ChangeManyAsync(connection, changes, started, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            OrderImportMetrics.HandedOver(outcome);
        }

        return outcomes;
    }

    private static OrderJournalChange Starting(StagedOrder order, bool justLoaded)
    {
        var running = OrderImportJournal.Status(order.OrderNumber, JournalStatus.Running, "handing the order to the ERP (step 2 of 2)", order.Order);
        return justLoaded
            ? OrderImportJournal.Status(order.OrderNumber, JournalStatus.Queued, "loaded from the marketplace (step 1 of 2); waiting to be handed to the ERP", order.Order).Then(running)
            : running;
    }

    private async ValueTask<OrderOutcome[]> TryHandOverAsync(WorkRun run, IReadOnlyList<StagedOrder> orders, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var outcomes = new OrderOutcome?[orders.Count];
        var imported = await FindImportedAsync(run, orders, outcomes, cancellationToken).ConfigureAwait(false);

        // Repairs the staged state of a run that crashed after the ledger write.
        var repairs = new List<(int Index, ImportedOrder Entry)>();
        var accepted = new List<(int Index, ImportedOrder Entry)>();
        var articles = new Dictionary<ForeignNumber, ArticleResolution>();
        try
        {
            for (var i = 0; i < orders.Count; i++)
            {
                if (outcomes[i] is not null)
                {
                    continue;
                }

                if (imported.GetValueOrDefault(orders[i].OrderNumber) is { } entry)
                {
                    repairs.Add((i, entry));
                    continue;
                }

                var (outcome, erpOrderId) = await ToErpAsync(run, orders[i], articles, cancellationToken).ConfigureAwait(false);
                if (erpOrderId is null)
                {
                    outcomes[i] = outcome;
                }
                else
                {
                    accepted.Add((i, new ImportedOrder(connection, orders[i].OrderNumber, erpOrderId, clock.GetCurrentInstant())));
                }
            }
        }
        catch (OperationCanceledException) when (accepted.Count > 0)
        {
            // A shutdown part way through the page: the ERP has the orders accepted so far, so they are recorded before the
            // run gives up (still under the lease, so fenced), rather than left to the sink's idempotency at the next run.
            await RecordAcceptedOnCancellationAsync(run, orders, accepted, outcomes).ConfigureAwait(false);
            throw;
        }

        await RepairAsync(run, orders, repairs, outcomes, cancellationToken).ConfigureAwait(false);
        await RecordAsync(run, orders, accepted, outcomes, cancellationToken).ConfigureAwait(false);
        return outcomes.Select(o => o!.Value).ToArray();
    }

    private async ValueTask RecordAcceptedOnCancellationAsync(WorkRun run, IReadOnlyList<StagedOrder> orders, List<(int Index, ImportedOrder Entry)> accepted, OrderOutcome?[] outcomes)
    {
        try
        {
            await RecordAsync(run, orders, accepted, outcomes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cancellation is what the caller must see; an order left unrecorded is handed over again under the same
            // key at the next run, which the idempotent sink answers with its first booking.
        }
    }

    /// <summary>The ledger entries of the orders: one read, or one per order when that fails, so that an order the ledger cannot answer for breaks off alone.</summary>
    private async ValueTask<IReadOnlyDictionary<string, ImportedOrder>> FindImportedAsync(WorkRun run, IReadOnlyList<StagedOrder> orders, OrderOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        try
        {
            return await ledger.FindManyAsync(connection, orders.Select(o => o.OrderNumber).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var found = new Dictionary<string, ImportedOrder>(StringComparer.Ordinal);
            for (var i = 0; i < orders.Count; i++)
            {
                try
                {
                    if (await ledger.FindAsync(connection, orders[i].OrderNumber, cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        found[entry.OrderNumber] = entry;
                    }
                }
                catch (Exception one) when (one is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcomes[i] = BrokeOff(run, orders[i].OrderNumber, one, erpOrderId: null);
                }
            }

            return found;
        }
    }

    /// <summary>Readiness and the sink for one order: its outcome when it goes no further, or the ERP's id when the ERP accepted it.</summary>
    private async ValueTask<(OrderOutcome? Outcome, string? ErpOrderId)> ToErpAsync(WorkRun run, StagedOrder staged, Dictionary<ForeignNumber, ArticleResolution> articles, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var number = staged.OrderNumber;
        try
        {
            var ready = await readiness.CheckAsync(connection, run.Connector.Descriptor, staged.Order, articles, cancellationToken).ConfigureAwait(false);
            if (ready.HoldReason is { } reason)
            {
                await staging.HoldAsync(connection, number, reason, run.Lease, cancellationToken).ConfigureAwait(false);
                logger.OrderHeld(connection, number, reason);
                return (OrderOutcome.Held(reason), null);
            }

            var handOver = new OrderHandOver(connection, staged.Order, ready.ArticleNumbersByLineId, IdempotencyKey(connection, number));
            try
            {
                return (null, (await sink.HandOverAsync(handOver, cancellationToken).ConfigureAwait(false)).ErpOrderId);
            }
            catch (OrderRefusedException refused)
            {
                // Held like an order that fails the readiness check: handing it over again changes nothing until someone fixes it.
                var why = $"the ERP refused order {number}: {run.Redactor.Redact(refused.Reason)}; held back from the ERP until this is corrected, then retry";
                await staging.HoldAsync(connection, number, why, run.Lease, cancellationToken).ConfigureAwait(false);
                logger.OrderRefusedByErp(connection, number);
                return (OrderOutcome.RefusedByErp(why), null);
            }
        }
        // A write refused for a lost lease ends the run: the worker holding the lease now hands the order over.
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            return (BrokeOff(run, number, ex, erpOrderId: null), null);
        }
    }

    private async ValueTask RepairAsync(WorkRun run, IReadOnlyList<StagedOrder> orders, List<(int Index, ImportedOrder Entry)> repairs, OrderOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (repairs.Count == 0)
        {
            return;
        }

        try
        {
            await staging.MarkHandedOverManyAsync(repairs.Select(r => r.Entry).ToArray(), run.Lease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            foreach (var (index, entry) in repairs)
            {
                outcomes[index] = BrokeOff(run, orders[index].OrderNumber, ex, erpOrderId: null);
            }

            return;
        }

        foreach (var (index, entry) in repairs)
        {
            logger.OrderAlreadyImported(run.Connection.Id, entry.OrderNumber, entry.ErpOrderId);
            outcomes[index] = OrderOutcome.AlreadyImported(entry.OrderNumber, entry.ErpOrderId);
        }
    }

    /// <summary>Records the orders the ERP accepted in the ledger and marks them handed over: one write each for all, or order by order when that fails.</summary>
    private async ValueTask RecordAsync(WorkRun run, IReadOnlyList<StagedOrder> orders, List<(int Index, ImportedOrder Entry)> accepted, OrderOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var entries = accepted.Select(a => a.Entry).ToArray();
        try
        {
            var recorded = await ledger.TryRecordManyAsync(entries, run.Lease, cancellationToken).ConfigureAwait(false);
            if (recorded.Contains(false))
            {
                // Another worker recorded some first (this worker's lease ran out under it); the ledger is the truth.
                var truth = await ledger.FindManyAsync(run.Connection.Id, entries.Where((_, i) => !recorded[i]).Select(e => e.OrderNumber).ToArray(), cancellationToken).ConfigureAwait(false);
                entries = entries.Select(e => truth.GetValueOrDefault(e.OrderNumber) ?? e).ToArray();
            }
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            foreach (var (index, entry) in accepted)
            {
                outcomes[index] = await RecordOneAsync(run, orders[index], entry, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            await staging.MarkHandedOverManyAsync(entries, run.Lease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            // The ledger holds the imports, so the orders are imported; the next run repairs the staged states.
            var why = run.Redactor.Redact(ex.Message) ?? string.Empty;
            foreach (var entry in entries)
            {
                logger.HandOverBrokeOff(run.Connection.Id, entry.OrderNumber, ex.GetType().Name, why);
            }
        }

        for (var i = 0; i < accepted.Count; i++)
        {
            logger.OrderImported(run.Connection.Id, entries[i].OrderNumber, entries[i].ErpOrderId);
            outcomes[accepted[i].Index] = OrderOutcome.Imported(entries[i].OrderNumber, entries[i].ErpOrderId);
        }
    }

    /// <summary>The ledger write and staged state of one order the ERP accepted, as before batches: its failure is this order's alone.</summary>
    private async ValueTask<OrderOutcome> RecordOneAsync(WorkRun run, StagedOrder staged, ImportedOrder entry, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var erpOrderId = entry.ErpOrderId;
        var recorded = false;
        try
        {
            if (!await ledger.TryRecordAsync(entry, run.Lease, cancellationToken).ConfigureAwait(false))
            {
                erpOrderId = (await ledger.FindAsync(connection, entry.OrderNumber, cancellationToken).ConfigureAwait(false))?.ErpOrderId ?? erpOrderId;
            }

            recorded = true;
            await staging.MarkHandedOverAsync(connection, entry.OrderNumber, erpOrderId, run.Lease, cancellationToken).ConfigureAwait(false);
            logger.OrderImported(connection, entry.OrderNumber, erpOrderId);
            return OrderOutcome.Imported(entry.OrderNumber, erpOrderId);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && ex is not LeaseLostException)
        {
            if (!recorded)
            {
                return BrokeOff(run, staged.OrderNumber, ex, erpOrderId);
            }

            // The ledger holds the import, so the order is imported; the next run repairs the staged state.
            logger.HandOverBrokeOff(connection, entry.OrderNumber, ex.GetType().Name, run.Redactor.Redact(ex.Message) ?? string.Empty);
            logger.OrderImported(connection, entry.OrderNumber, erpOrderId);
            return OrderOutcome.Imported(entry.OrderNumber, erpOrderId);
        }
    }

    private OrderOutcome BrokeOff(WorkRun run, string number, Exception ex, string? erpOrderId)
    {
        var why = run.Redactor.Redact(ex.Message) ?? string.Empty;
        logger.HandOverBrokeOff(run.Connection.Id, number, ex.GetType().Name, why);
        return OrderOutcome.BrokeOff(erpOrderId is null
            ? $"handing order {number} to the ERP broke off ({why}); it stays staged, and automatic runs (or a retry from the journal, at once) hand it over again under the same key, so the ERP never creates it twice"
            : $"the ERP accepted order {number} as {erpOrderId}, but recording the import failed ({why}); automatic runs (or a retry from the journal, at once) hand it over again under the same key, so the ERP does not create it twice");
    }
}
