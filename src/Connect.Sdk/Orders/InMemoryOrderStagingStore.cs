using System.Runtime.CompilerServices;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// An <see cref="IOrderStagingStore"/> held in memory, for tests; one lock makes each call atomic, and a fenced write
/// runs under its lease store's lock as well.
/// </summary>
public sealed class InMemoryOrderStagingStore : IOrderStagingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ConnectionId, string), StagedOrder> _orders = [];
    private readonly Dictionary<ConnectionId, OrderCursor> _cursors = [];

    private readonly InMemoryWorkLeaseStore _leases;

    /// <summary>Creates the store, fenced by the leases of <paramref name="leases"/>.</summary>
    /// <param name="leases">The lease store whose leases the run's writes carry; its lock guards each fenced write.</param>
    public InMemoryOrderStagingStore(InMemoryWorkLeaseStore leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        _leases = leases;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StagedOrder>> StageAsync(
        ConnectionId connection,
        IReadOnlyList<MarketplaceOrder> orders,
        OrderCursor? advanceCursorTo,
        Instant stagedAt,
        WorkLease lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new StagedOrder[orders.Count];
        _leases.Fenced(lease, () => Stage(connection, orders, advanceCursorTo, stagedAt, result));
        return ValueTask.FromResult<IReadOnlyList<StagedOrder>>(result);
    }

    private bool Stage(ConnectionId connection, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, Instant stagedAt, StagedOrder[] result)
    {
        lock (_gate)
        {
            for (var i = 0; i < orders.Count; i++)
            {
                var key = (connection, orders[i].OrderNumber);
                var staged = StagedOrder.Stage(_orders.GetValueOrDefault(key), connection, orders[i], stagedAt);
                _orders[key] = staged;
                result[i] = staged;
            }

            if (advanceCursorTo is { } cursor
                && (!_cursors.TryGetValue(connection, out var stored) || cursor.ChangedSince > stored.ChangedSince))
            {
                _cursors[connection] = cursor;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_orders.GetValueOrDefault((connection, orderNumber)));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StagedOrder[] pending;
        lock (_gate)
        {
            pending = _orders.Values
                .Where(o => o.Connection == connection && o.State == StagedOrderState.Staged)
                .OrderBy(o => o.Order.UpdatedAt)
                .ThenBy(o => o.OrderNumber, StringComparer.Ordinal)
                .ToArray();
        }

        foreach (var order in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return order;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Change(connection, orderNumber, o => o with { State = StagedOrderState.Held, HoldReason = reason }, lease, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpOrderId);
        return Change(connection, orderNumber, o => o with { State = StagedOrderState.HandedOver, HoldReason = null, ErpOrderId = erpOrderId }, lease, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_cursors.TryGetValue(connection, out var cursor) ? cursor : (OrderCursor?)null);
        }
    }

    /// <inheritdoc />
    public ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _cursors[connection] = cursor;
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask Change(ConnectionId connection, string orderNumber, Func<StagedOrder, StagedOrder> change, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        cancellationToken.ThrowIfCancellationRequested();
        _leases.Fenced(lease, () =>
        {
            lock (_gate)
            {
                if (_orders.TryGetValue((connection, orderNumber), out var order) && order.State != StagedOrderState.HandedOver)
                {
                    _orders[(connection, orderNumber)] = change(order);
                }
            }

            return true;
        });

        return ValueTask.CompletedTask;
    }
}
