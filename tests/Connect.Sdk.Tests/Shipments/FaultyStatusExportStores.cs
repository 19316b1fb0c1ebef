using Connect.Sdk.Journal;
using Connect.Sdk.Shipments;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Shipments;

/// <summary>Fails one armed export step once.</summary>
internal sealed class ExportFaults
{
    private ExportCrashStep? _armed;

    public int Fired { get; private set; }

    public void Arm(ExportCrashStep step) => _armed = step;

    public void At(ExportCrashStep step)
    {
        if (_armed != step)
        {
            return;
        }

        _armed = null;
        Fired++;
        throw new InvalidOperationException($"Injected failure at {step}.");
    }
}

internal sealed class FaultyOutbox(IOrderStatusOutbox inner, ExportFaults faults) : IOrderStatusOutbox
{
    public ValueTask<OrderStatusOutboxEntry> RecordChangeAsync(ConnectionId connection, OrderStatusUpdate update, Instant changedAt, CancellationToken cancellationToken) =>
        inner.RecordChangeAsync(connection, update, changedAt, cancellationToken);

    public ValueTask<OrderStatusOutboxEntry?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        faults.At(ExportCrashStep.ReadLatest);
        return inner.GetAsync(connection, orderNumber, cancellationToken);
    }

    public IAsyncEnumerable<OrderStatusOutboxEntry> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        faults.At(ExportCrashStep.ListPending);
        return inner.ListPendingAsync(connection, cancellationToken);
    }

    public ValueTask<OrderStatusOutboxEntry> MarkHandledAsync(OrderStatusOutboxEntry handled, bool exported, Instant at, WorkLease? lease, CancellationToken cancellationToken)
    {
        faults.At(ExportCrashStep.MarkHandled);
        return inner.MarkHandledAsync(handled, exported, at, lease, cancellationToken);
    }
}

internal sealed class FaultyStatusJournalStore(IJournalStore inner, ExportFaults faults) : IJournalStore
{
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<JournalEntry?> TrySaveAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Key.Kind == RecordKind.OrderStatus)
        {
            faults.At(entry.Status == JournalStatus.Running ? ExportCrashStep.JournalRunning : ExportCrashStep.JournalOutcome);
        }

        return inner.TrySaveAsync(entry, cancellationToken);
    }

    public ValueTask<JournalPage> QueryAsync(JournalQuery query, int skip, int take, CancellationToken cancellationToken) => inner.QueryAsync(query, skip, take, cancellationToken);

    public IAsyncEnumerable<JournalKey> ListKeysAsync(JournalQuery query, CancellationToken cancellationToken) => inner.ListKeysAsync(query, cancellationToken);

    public IAsyncEnumerable<JournalEntry> ListAsync(ConnectionId connection, CancellationToken cancellationToken) => inner.ListAsync(connection, cancellationToken);
}
