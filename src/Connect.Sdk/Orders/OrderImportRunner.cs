using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Journal;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Runs <see cref="WorkKind.OrderImport"/>. Every run first finishes what is waiting (orders queued from the
/// journal, orders left staged or running by a run that broke off); a scheduled or event run then loads
/// the orders changed since the cursor, minus the overlap, page by page: stage (step one) → hand over
/// (step two). Imports run in Demo mode too: Demo suppresses writes to the marketplace, and this reads it.
/// </summary>
internal sealed class OrderImportRunner(
    IOrderStagingStore staging,
    IImportedOrderLedger ledger,
    OrderHandOverStep handOver,
    OrderImportJournal journal,
    IClock clock,
    IOptions<ConnectSdkOptions> options,
    ILogger logger) : IWorkRunner
{
    /// <summary>How many order numbers one lookup on the marketplace asks for.</summary>
    public const int LookupBatchSize = 50;

    public WorkKind Kind => WorkKind.OrderImport;

    public async ValueTask<WorkRunSummary> RunAsync(WorkRun run, CancellationToken cancellationToken)
    {
        var feature = run.Connector.GetFeature<IOrdersFeature>()
                      ?? throw new ConnectSdkException($"Connector '{run.Connector.Descriptor.Id}' has no orders feature.") { ConnectionId = run.Connection.Id };
        var summary = await ImportWaitingAsync(run, feature, cancellationToken).ConfigureAwait(false);
        if (run.Item.Trigger != SyncTrigger.Manual)
        {
            summary = summary.Add(await ImportChangedAsync(run, feature, cancellationToken).ConfigureAwait(false));
        }

        return summary;
    }

    private async ValueTask<WorkRunSummary> ImportWaitingAsync(WorkRun run, IOrdersFeature feature, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetCurrentInstant();
        await foreach (var pending in staging.ListPendingAsync(run.Connection.Id, cancellationToken).ConfigureAwait(false))
        {
            // An order whose hand-over keeps breaking off waits for its next try; a user's retry queues it, which ends the wait.
            if (seen.Add(pending.OrderNumber) && !await journal.IsWaitingAsync(run.Connection.Id, pending.OrderNumber, now, cancellationToken).ConfigureAwait(false))
            {
                numbers.Add(pending.OrderNumber);
            }
        }

        numbers.AddRange((await journal.WaitingAsync(run.Connection.Id, cancellationToken).ConfigureAwait(false)).Where(seen.Add));
        return await ImportByNumberAsync(run, feature, numbers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports orders by number: a staged order is handed over as staged; an order in the ledger is a no-op
    /// without asking the marketplace; any other (new, or held and to be checked again) is looked up first.
    /// </summary>
    private async ValueTask<WorkRunSummary> ImportByNumberAsync(WorkRun run, IOrdersFeature feature, List<string> numbers, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var toLookUp = new List<string>();
        var toHandOver = new List<StagedOrder>();
        var imported = new List<ImportedOrder>();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (i > 0 && i % LookupBatchSize == 0)
            {
                await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
            }

            var number = numbers[i];
            var staged = await staging.GetAsync(connection, number, cancellationToken).ConfigureAwait(false);
            if (staged?.State == StagedOrderState.Staged)
            {
                toHandOver.Add(staged);
            }
            else if (await ledger.FindAsync(connection, number, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                imported.Add(entry);
            }
            else
            {
                toLookUp.Add(number);
            }
        }

        var summary = await AlreadyImportedAsync(connection, imported, cancellationToken).ConfigureAwait(false);
        foreach (var batch in toHandOver.Chunk(LookupBatchSize))
        {
            await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
            summary = summary.Add(Summarize(await handOver.HandOverAsync(run, batch, justLoaded: false, entries: null, cancellationToken).ConfigureAwait(false)));
        }

        foreach (var batch in toLookUp.Chunk(LookupBatchSize))
        {
            await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
            summary = summary.Add(await LookUpAsync(run, feature, batch, cancellationToken).ConfigureAwait(false));
        }

        return summary;
    }

    private async ValueTask<WorkRunSummary> LookUpAsync(WorkRun run, IOrdersFeature feature, string[] numbers, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        OrderLookupResult found;
        try
        {
            found = await feature.FetchOrdersByNumberAsync(run.Context, numbers, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && !CredentialsRefusal.In(ex))
        {
            // A marketplace that fails a lookup fails these orders, not the run: the journal says so, and retry works. Refused
            // credentials go up instead: the orders stay queued, and the engine pauses the connection.
            var why = run.Redactor.Redact(ex.Message) ?? string.Empty;
            logger.LookupBrokeOff(connection, numbers.Length, ex.GetType().Name, why);
            foreach (var number in numbers)
            {
                await journal.SetAsync(connection, number, JournalStatus.Failed, $"order {number} could not be loaded from the marketplace ({why}); retry it from the journal", null, cancellationToken).ConfigureAwait(false);
            }

            return new WorkRunSummary(0, 0, numbers.Length, 0);
        }

        var asked = new HashSet<string>(numbers, StringComparer.Ordinal);
        var orders = Latest(found.Found.Where(o => asked.Contains(o.OrderNumber)));
        var summary = await StageAndHandOverAsync(run, orders, advanceCursorTo: null, cancellationToken).ConfigureAwait(false);
        var answered = new HashSet<string>(orders.Select(o => o.OrderNumber), StringComparer.Ordinal);
        foreach (var number in found.NotFound.Where(asked.Contains).Where(answered.Add))
        {
            logger.OrderNotFound(connection, number);
            await journal.SetAsync(connection, number, JournalStatus.Failed, $"order {number} not found on the marketplace", null, cancellationToken).ConfigureAwait(false);
            summary = summary.Add(new(0, 0, 1, 0));
        }

        foreach (var unreadable in found.Unreadable.Where(u => asked.Contains(u.OrderNumber) && answered.Add(u.OrderNumber)))
        {
            summary = summary.Add(await UnreadableAsync(run, unreadable, cancellationToken).ConfigureAwait(false));
        }

        foreach (var number in numbers.Where(answered.Add))
        {
            await journal.SetAsync(connection, number, JournalStatus.Failed, $"the marketplace answered nothing for order {number}; retry it from the journal", null, cancellationToken).ConfigureAwait(false);
            summary = summary.Add(new(0, 0, 1, 0));
        }

        return summary;
    }

    private async ValueTask<WorkRunSummary> ImportChangedAsync(WorkRun run, IOrdersFeature feature, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var cursor = await staging.GetCursorAsync(connection, cancellationToken).ConfigureAwait(false);

        // Reaching back behind the cursor catches orders a marketplace indexes late; the ledger makes the repeats no-ops.
        var since = cursor is { } stored ? stored.ChangedSince - options.Value.OrderImportOverlap : run.StartedAt - options.Value.OrderImportInitialLookback;
        logger.FetchingChanges(connection, since);
        var summary = WorkRunSummary.Empty;
        await foreach (var page in feature.FetchChangedOrdersAsync(run.Context, new OrderCursor(since), cancellationToken).ConfigureAwait(false))
        {
            summary = summary.Add(await StageAndHandOverAsync(run, Latest(page.Orders), page.Resume, cancellationToken).ConfigureAwait(false));
            foreach (var unreadable in page.Unreadable)
            {
                summary = summary.Add(await UnreadableAsync(run, unreadable, cancellationToken).ConfigureAwait(false));
            }

            await run.KeepLeaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    /// <summary>Step one for a batch of orders (with the cursor, when the batch is a page), then step two for each.</summary>
    private async ValueTask<WorkRunSummary> StageAndHandOverAsync(WorkRun run, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var staged = await staging.StageAsync(connection, orders, advanceCursorTo, clock.GetCurrentInstant(), run.Lease, cancellationToken).ConfigureAwait(false);
        OrderImportMetrics.StagedOrders(staged.Count);
        if (advanceCursorTo is { } cursor)
        {
            logger.PageStaged(connection, staged.Count, cursor.ChangedSince);
        }

        var now = clock.GetCurrentInstant();
        var entries = await journal.ReadManyAsync(connection, staged.Where(o => o.State == StagedOrderState.Staged).Select(o => o.OrderNumber).ToArray(), cancellationToken).ConfigureAwait(false);
        var summary = WorkRunSummary.Empty;
        var imported = new List<ImportedOrder>();
        var toHandOver = new List<StagedOrder>(staged.Count);
        foreach (var order in staged)
        {
            switch (order.State)
            {
                case StagedOrderState.HandedOver:
                    imported.Add(new ImportedOrder(connection, order.OrderNumber, order.ErpOrderId!, now));
                    break;
                case StagedOrderState.Staged when RetryBackoff.IsWaiting(entries.GetValueOrDefault(order.OrderNumber), now):
                    // Fetched again (the overlap, say) while its hand-over waits for its next try: the ERP is not asked sooner.
                    summary = summary.Add(new(0, 0, 0, 1));
                    break;
                case StagedOrderState.Staged:
                    toHandOver.Add(order);
                    break;
                default:
                    // Held, and the marketplace sent older data than staged: nothing new to check; a retry checks it again.
                    summary = summary.Add(new(0, 0, 0, 1));
                    break;
            }
        }

        summary = summary.Add(await AlreadyImportedAsync(connection, imported, cancellationToken).ConfigureAwait(false));

        // "Loaded, waiting" is journaled with "handing over", before any hand-over, so that a crash in step two leaves both visible.
        return summary.Add(Summarize(await handOver.HandOverAsync(run, toHandOver, justLoaded: true, entries, cancellationToken).ConfigureAwait(false)));
    }

    private async ValueTask<WorkRunSummary> AlreadyImportedAsync(ConnectionId connection, List<ImportedOrder> orders, CancellationToken cancellationToken)
    {
        var summary = WorkRunSummary.Empty;
        var changes = new OrderJournalChange[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            var outcome = OrderOutcome.AlreadyImported(orders[i].OrderNumber, orders[i].ErpOrderId);
            logger.OrderAlreadyImported(connection, orders[i].OrderNumber, orders[i].ErpOrderId);
            OrderImportMetrics.HandedOver(outcome);
            changes[i] = OrderImportJournal.StatusUnlessSame(orders[i].OrderNumber, outcome.Status, outcome.Message);
            summary = summary.Add(outcome.Summary);
        }

        await journal.ChangeManyAsync(connection, changes, known: null, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static WorkRunSummary Summarize(IReadOnlyList<OrderOutcome> outcomes)
    {
        var summary = WorkRunSummary.Empty;
        foreach (var outcome in outcomes)
        {
            summary = summary.Add(outcome.Summary);
        }

        return summary;
    }

    private async ValueTask<WorkRunSummary> UnreadableAsync(WorkRun run, UnreadableOrder unreadable, CancellationToken cancellationToken)
    {
        var connection = run.Connection.Id;
        var reason = run.Redactor.Redact(unreadable.Reason) ?? "no reason given";
        logger.OrderUnreadable(connection, unreadable.OrderNumber, reason);

        // An imported order whose later version cannot be read stays imported: the journal warns instead of failing it.
        if (await ledger.FindAsync(connection, unreadable.OrderNumber, cancellationToken).ConfigureAwait(false) is { } imported)
        {
            await journal.SetAsync(connection, unreadable.OrderNumber, JournalStatus.Warning, $"order {unreadable.OrderNumber} was imported as {imported.ErpOrderId}; its latest version on the marketplace could not be read: {reason}", null, cancellationToken).ConfigureAwait(false);
            return new WorkRunSummary(0, 1, 0, 0);
        }

        if (unreadable.AwaitsAction)
        {
            // Not broken: the marketplace holds it back until somebody acts. The overlap reads it again every run, so an
            // unchanged reason adds no history line.
            await journal.SetUnlessSameAsync(connection, unreadable.OrderNumber, JournalStatus.Warning, $"order {unreadable.OrderNumber} is not handed to the ERP yet: {reason}", cancellationToken).ConfigureAwait(false);
            return new WorkRunSummary(0, 1, 0, 0);
        }

        await journal.SetAsync(connection, unreadable.OrderNumber, JournalStatus.Failed, $"order {unreadable.OrderNumber} could not be read from the marketplace: {reason}; retry it once the shop has fixed it", null, cancellationToken).ConfigureAwait(false);
        return new WorkRunSummary(0, 0, 1, 0);
    }

    /// <summary>One order per number (the latest version), in case a marketplace repeats an order within a page.</summary>
    private static MarketplaceOrder[] Latest(IEnumerable<MarketplaceOrder> orders) =>
        orders.GroupBy(o => o.OrderNumber, StringComparer.Ordinal).Select(g => g.MaxBy(o => o.UpdatedAt)!).ToArray();
}
