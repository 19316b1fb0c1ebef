using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Tests.Orders;

/// <summary>A staging store that fails staging or marking an order handed over when armed.</summary>
internal sealed class FaultyStagingStore(IOrderStagingStore inner, Faults faults) : DelegatingOrderStagingStore(inner)
{
    public override ValueTask<IReadOnlyList<StagedOrder>> StageAsync(ConnectionId connection, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, Instant stagedAt, WorkLease lease, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.Stage);
        return base.StageAsync(connection, orders, advanceCursorTo, stagedAt, lease, cancellationToken);
    }

    public override ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken)
    {
        faults.At(CrashStep.MarkHandedOver);
        return base.MarkHandedOverAsync(connection, orderNumber, erpOrderId, lease, cancellationToken);
    }
}
