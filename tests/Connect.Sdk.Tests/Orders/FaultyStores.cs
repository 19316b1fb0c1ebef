using Connect.Sdk.Articles;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>An order sink that fails before or after the ERP creates the order, when armed.</summary>
internal sealed class FaultyOrderSink(IOrderSink inner, Faults faults) : IOrderSink
{
    public async ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.SinkBeforeCreating);
        var reference = await inner.HandOverAsync(handOver, cancellationToken);
        faults.At(CrashStep.SinkAfterCreating);
        return reference;
    }
}

/// <summary>A ledger that fails a read or a write when armed.</summary>
internal sealed class FaultyLedger(IImportedOrderLedger inner, Faults faults) : IImportedOrderLedger
{
    public ValueTask<ImportedOrder?> FindAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.LedgerFind);
        return inner.FindAsync(connection, orderNumber, cancellationToken);
    }

    public ValueTask<bool> TryRecordAsync(ImportedOrder order, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.LedgerRecord);
        return inner.TryRecordAsync(order, cancellationToken);
    }
}

/// <summary>A staging store that fails staging or marking an order handed over when armed.</summary>
internal sealed class FaultyStagingStore(IOrderStagingStore inner, Faults faults) : IOrderStagingStore
{
    public ValueTask<IReadOnlyList<StagedOrder>> StageAsync(ConnectionId connection, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, Instant stagedAt, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.Stage);
        return inner.StageAsync(connection, orders, advanceCursorTo, stagedAt, cancellationToken);
    }

    public ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        inner.GetAsync(connection, orderNumber, cancellationToken);

    public IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.ListPendingAsync(connection, cancellationToken);

    public ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, CancellationToken cancellationToken) =>
        inner.HoldAsync(connection, orderNumber, reason, cancellationToken);

    public ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.MarkHandedOver);
        return inner.MarkHandedOverAsync(connection, orderNumber, erpOrderId, cancellationToken);
    }

    public ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.GetCursorAsync(connection, cancellationToken);

    public ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken) =>
        inner.SetCursorAsync(connection, cursor, cancellationToken);
}

/// <summary>An article catalog that fails a lookup when armed.</summary>
internal sealed class FaultyArticleCatalog(IArticleCatalog inner, Faults faults) : IArticleCatalog
{
    public ValueTask<Article?> FindAsync(string articleNumber, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.Catalog);
        return inner.FindAsync(articleNumber, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Article>> GetVariantsAsync(string parentNumber, CancellationToken cancellationToken) =>
        inner.GetVariantsAsync(parentNumber, cancellationToken);
}

/// <summary>A journal store that fails saving "loaded, waiting" or a success of the order tab when armed.</summary>
internal sealed class FaultyJournalStore(IJournalStore inner, Faults faults) : IJournalStore
{
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Key.Kind == RecordKind.Order && entry.Status == JournalStatus.Queued && entry.Message?.StartsWith("loaded from the marketplace", StringComparison.Ordinal) == true)
        {
            faults.At(CrashStep.JournalStaged);
        }

        if (entry.Key.Kind == RecordKind.Order && entry.Status == JournalStatus.Succeeded)
        {
            faults.At(CrashStep.JournalAfterHandOver);
        }

        return inner.TrySaveAsync(entry, cancellationToken);
    }

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
