using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A staging store that passes every call on to another; decorators override the calls they change.</summary>
internal abstract class DelegatingOrderStagingStore(IOrderStagingStore inner) : IOrderStagingStore
{
    public virtual ValueTask<IReadOnlyList<StagedOrder>> StageAsync(ConnectionId connection, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, Instant stagedAt, WorkLease lease, CancellationToken cancellationToken) =>
        inner.StageAsync(connection, orders, advanceCursorTo, stagedAt, lease, cancellationToken);

    public ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken) =>
        inner.GetAsync(connection, orderNumber, cancellationToken);

    public IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.ListPendingAsync(connection, cancellationToken);

    public ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, WorkLease lease, CancellationToken cancellationToken) =>
        inner.HoldAsync(connection, orderNumber, reason, lease, cancellationToken);

    public virtual ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken) =>
        inner.MarkHandedOverAsync(connection, orderNumber, erpOrderId, lease, cancellationToken);

    public ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken) =>
        inner.GetCursorAsync(connection, cancellationToken);

    public ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken) =>
        inner.SetCursorAsync(connection, cursor, cancellationToken);
}
