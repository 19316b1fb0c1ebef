using Connect.Sdk.Sync;
using NodaTime;

namespace Connect.Sdk.Shipments;

/// <summary>
/// Where the status and tracking changes the ERP reports wait for their export ("Auftragsstatus &amp;
/// Tracking", exported on each change). Keeps one <see cref="OrderStatusOutboxEntry"/> per connection and
/// order number: the latest state, so several changes before a run coalesce into one export, and the last
/// state exported. Part of the host SPI's store contracts; every method must be atomic, since the ERP may
/// report a change while a worker (possibly in another process) exports the previous one.
/// </summary>
public interface IOrderStatusOutbox
{
    /// <summary>
    /// Records a change the ERP reported: replaces the order's latest state and raises its sequence by one.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="update">The order's complete status and shipments as the ERP now knows them.</param>
    /// <param name="changedAt">When the change was reported.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored entry with its new sequence.</returns>
    ValueTask<OrderStatusOutboxEntry> RecordChangeAsync(ConnectionId connection, OrderStatusUpdate update, Instant changedAt, CancellationToken cancellationToken);

    /// <summary>Reads an order's entry, e.g. to export its latest state again on a user's request.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="orderNumber">The marketplace order number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/> when the ERP never reported the order.</returns>
    ValueTask<OrderStatusOutboxEntry?> GetAsync(ConnectionId connection, string orderNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Lists a connection's entries with a change no run has dealt with (<see cref="OrderStatusOutboxEntry.IsPending"/>),
    /// oldest change first. A stream yields an order at most once: one changed while it runs may be left for the
    /// next listing.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The pending entries.</returns>
    IAsyncEnumerable<OrderStatusOutboxEntry> ListPendingAsync(ConnectionId connection, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a run dealt with an entry as it was read: raises <see cref="OrderStatusOutboxEntry.HandledSequence"/>
    /// to the entry's sequence (never lowers it) and, when <paramref name="exported"/>, remembers the entry's state as
    /// the last exported one. A change recorded after the entry was read keeps its higher sequence and stays pending.
    /// </summary>
    /// <param name="handled">The entry as the run read it.</param>
    /// <param name="exported">Whether the marketplace accepted the state.</param>
    /// <param name="at">When the run dealt with it.</param>
    /// <param name="lease">
    /// The run's lease on the connection: the write is refused with <see cref="LeaseLostException"/>, and changes
    /// nothing, when it is no longer the key's current lease (checked atomically with the write).
    /// <see langword="null"/> when no run deals with the entry (the ERP reported a change the connection does not export on change).
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored entry after the change.</returns>
    ValueTask<OrderStatusOutboxEntry> MarkHandledAsync(OrderStatusOutboxEntry handled, bool exported, Instant at, WorkLease? lease, CancellationToken cancellationToken);
}
