using System.Runtime.CompilerServices;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>An <see cref="IOrderStatusOutbox"/> held in memory, for tests and demos.</summary>
public sealed class InMemoryOrderStatusOutbox : IOrderStatusOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ConnectionId Connection, string OrderNumber), OrderStatusOutboxEntry> _entries = [];

    private readonly InMemoryWorkLeaseStore _leases;

    /// <summary>Creates the outbox, fenced by the leases of <paramref name="leases"/>.</summary>
    /// <param name="leases">The lease store whose leases the run's writes carry; its lock guards each fenced write.</param>
    public InMemoryOrderStatusOutbox(InMemoryWorkLeaseStore leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        _leases = leases;
    }

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> RecordChangeAsync(ConnectionId connection, OrderStatusUpdate update, Instant changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (connection, update.OrderNumber);
            var entry = _entries.TryGetValue(key, out var stored)
                ? stored with { Latest = update, Sequence = stored.Sequence + 1, ChangedAt = changedAt }
                : new OrderStatusOutboxEntry { Connection = connection, Latest = update, Sequence = 1, ChangedAt = changedAt };
            _entries[key] = entry;
            return ValueTask.FromResult(entry);
        }
    }

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault((connection, orderNumber)));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<OrderStatusOutboxEntry> ListPendingAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        OrderStatusOutboxEntry[] pending;
        lock (_gate)
        {
            pending = _entries.Values
                .Where(e => e.Connection == connection && e.IsPending)
                .OrderBy(e => e.ChangedAt)
                .ThenBy(e => e.OrderNumber, StringComparer.Ordinal)
                .ToArray();
        }

        foreach (var entry in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<OrderStatusOutboxEntry> MarkHandledAsync(OrderStatusOutboxEntry handled, bool exported, Instant at, WorkLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handled);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(lease is null ? MarkHandled(handled, exported, at) : _leases.Fenced(lease, () => MarkHandled(handled, exported, at)));
    }

    private OrderStatusOutboxEntry MarkHandled(OrderStatusOutboxEntry handled, bool exported, Instant at)
    {
        lock (_gate)
        {
            var key = (handled.Connection, handled.OrderNumber);
            var stored = _entries.GetValueOrDefault(key) ?? handled;
            var changed = stored with { HandledSequence = Math.Max(stored.HandledSequence, handled.Sequence) };
            if (exported && handled.Sequence > stored.ExportedSequence)
            {
                changed = changed with { ExportedSequence = handled.Sequence, LastExported = handled.Latest, ExportedAt = at };
            }

            _entries[key] = changed;
            return changed;
        }
    }
}
