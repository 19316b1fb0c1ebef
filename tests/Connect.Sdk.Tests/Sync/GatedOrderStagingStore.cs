using Connect.Sdk.Orders;
using Connect.Sdk.Sync;
using Connect.Sdk.Tests.Orders;
using NodaTime;

namespace Connect.Sdk.Tests.Sync;

/// <summary>A staging store whose first staging (with its cursor) waits at a <see cref="WriteGate"/>.</summary>
internal sealed class GatedOrderStagingStore(IOrderStagingStore inner, WriteGate gate) : DelegatingOrderStagingStore(inner)
{
    public override ValueTask<IReadOnlyList<StagedOrder>> StageAsync(ConnectionId connection, IReadOnlyList<MarketplaceOrder> orders, OrderCursor? advanceCursorTo, Instant stagedAt, WorkLease lease, CancellationToken cancellationToken) =>
        gate.PassAsync(() => base.StageAsync(connection, orders, advanceCursorTo, stagedAt, lease, cancellationToken));
}
