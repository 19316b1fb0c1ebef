using Connect.Sdk.Orders;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

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
