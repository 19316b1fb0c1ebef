using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// The staging area of the order import (step one of two: "zunächst zu Connect geladen") and the cursor of
/// the scheduled import, per connection. Part of the host SPI's store contracts.
/// </summary>
/// <remarks>
/// <para>
/// The SDK writes it only while it holds the connection's lease, and the run's writes carry that lease:
/// <see cref="StageAsync"/>, <see cref="HoldAsync"/> and <see cref="MarkHandedOverAsync"/> check, atomically
/// with the write, that the lease is still its key's current one, and otherwise throw
/// <see cref="Sync.LeaseLostException"/> having changed nothing. So a worker whose lease lapsed and was taken
/// over cannot move the cursor back or restage an order. Every method must still be idempotent and handed-over
/// orders must never go back to an earlier state: a run that broke off repeats its last calls harmlessly.
/// </para>
/// <para>
/// <see cref="StageAsync"/> must be atomic: the cursor may never move past an order that is not staged
/// (a SQL store stages the page and moves the cursor in one transaction). See <c>docs/sync-orders.md</c>.
/// </para>
/// </remarks>
public interface IOrderStagingStore
{
    /// <summary>
    /// Stages orders loaded from the marketplace and, in the same transaction, moves the cursor forward.
    /// A new order is staged as <see cref="StagedOrderState.Staged"/>. A staged or held order takes the
    /// loaded data unless it is older than the staged data (<see cref="MarketplaceOrder.UpdatedAt"/>), and is
    /// <see cref="StagedOrderState.Staged"/> again, so that it is checked again: its mapping or its data may
    /// have been fixed. An order already <see cref="StagedOrderState.HandedOver"/> is left exactly as it is.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orders">The orders, with distinct order numbers.</param>
    /// <param name="advanceCursorTo">
    /// The page's resume point, or <see langword="null"/> to leave the cursor alone (orders looked up by
    /// number). The cursor only ever moves forward: an earlier value than the stored one is ignored.
    /// </param>
    /// <param name="stagedAt">The current instant, stamped on orders staged for the first time.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Each order's staged state after the call, in the order of <paramref name="orders"/>.</returns>
    ValueTask<IReadOnlyList<StagedOrder>> StageAsync(
        ConnectionId connection,
        IReadOnlyList<MarketplaceOrder> orders,
        OrderCursor? advanceCursorTo,
        Instant stagedAt,
        WorkLease lease,
        CancellationToken cancellationToken);

    /// <summary>Reads one staged order.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumber">The marketplace order number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The staged order, or <see langword="null"/> when it was never staged.</returns>
    ValueTask<StagedOrder?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Streams a connection's orders in <see cref="StagedOrderState.Staged"/>: those a run staged but did not
    /// finish handing over. Every run hands them over first. A stream yields an order at most once: one changed
    /// while it runs may be left for the next listing.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The orders, oldest marketplace change first.</returns>
    IAsyncEnumerable<StagedOrder> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>Holds a staged order with the reason; does nothing to an order already handed over or not staged.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumber">The marketplace order number.</param>
    /// <param name="reason">Why, in words the user can act on.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    ValueTask HoldAsync(ConnectionId connection, string orderNumber, string reason, WorkLease lease, CancellationToken cancellationToken);

    /// <summary>Marks a staged order as handed over to the ERP; repeating it with the same id changes nothing.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumber">The marketplace order number.</param>
    /// <param name="erpOrderId">The ERP's order id.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    ValueTask MarkHandedOverAsync(ConnectionId connection, string orderNumber, string erpOrderId, WorkLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks many staged orders handed over, each as <see cref="MarkHandedOverAsync"/> would, in one store write (one
    /// transaction in a SQL store) rather than one per order. A store that can write many rows in one go overrides this;
    /// the default marks one after the other.
    /// </summary>
    /// <param name="orders">The orders and their ERP ids, as the ledger holds them.</param>
    /// <param name="lease">The run's lease on the connection: the write is refused with <see cref="Sync.LeaseLostException"/>, and changes nothing, when it is no longer the key's current lease (checked atomically with the write).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the states are stored.</returns>
    async ValueTask MarkHandedOverManyAsync(IReadOnlyList<ImportedOrder> orders, WorkLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var order in orders)
        {
            await MarkHandedOverAsync(order.Connection, order.OrderNumber, order.ErpOrderId, lease, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads where the connection's scheduled import resumes.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cursor, or <see langword="null"/> before the first scheduled import staged a page.</returns>
    ValueTask<OrderCursor?> GetCursorAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the cursor to a value, also backwards, e.g. to load every order changed since an outage again.
    /// Orders already imported are not imported twice; the journal shows them as no-ops.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cursor">The new cursor.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the cursor is stored.</returns>
    ValueTask SetCursorAsync(ConnectionId connection, OrderCursor cursor, CancellationToken cancellationToken);
}
