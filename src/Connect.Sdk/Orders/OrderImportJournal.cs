using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Writes the order tab of the journal ("Aufträge"): one entry per order number, with the buyer's name as
/// its title and the order date for the order-date filter whenever the order's data is known.
/// </summary>
internal sealed class OrderImportJournal(SyncJournal journal)
{
    public ValueTask<JournalEntry> SetAsync(ConnectionId connection, string orderNumber, JournalStatus status, string message, MarketplaceOrder? order, CancellationToken cancellationToken) =>
        journal.SetStatusAsync(
            new JournalKey(connection, RecordKind.Order, orderNumber),
            status,
            message,
            cancellationToken,
            order is null ? null : entry => WithOrder(entry, order));

    /// <summary>
    /// Fails an order whose hand-over broke off (the ERP or a store failed), which automatic runs hand over again by
    /// themselves: at its next try, later with every failure in a row (<see cref="RetryBackoff"/>), said at the end of
    /// the message.
    /// </summary>
    public ValueTask<JournalEntry> FailUntilNextTryAsync(ConnectionId connection, string orderNumber, string message, MarketplaceOrder order, CancellationToken cancellationToken) =>
        journal.UpdateAsync(
            new JournalKey(connection, RecordKind.Order, orderNumber),
            (entry, now) => WithOrder(RetryBackoff.Schedule(entry.WithStatus(JournalStatus.Failed, message, now), now), order),
            cancellationToken);

    /// <summary>Whether automatic runs leave the order alone for now, because its next try is later.</summary>
    public async ValueTask<bool> IsWaitingAsync(ConnectionId connection, string orderNumber, Instant now, CancellationToken cancellationToken) =>
        RetryBackoff.IsWaiting(await journal.GetAsync(new JournalKey(connection, RecordKind.Order, orderNumber), cancellationToken).ConfigureAwait(false), now);

    /// <summary>
    /// The order numbers of entries left waiting: queued by a user, or left running by a run that broke off;
    /// oldest first, so that a backlog is worked off in the order it arose.
    /// </summary>
    /// <summary>
    /// Like <see cref="SetAsync"/>, but leaves an entry alone that already says the same: an order the overlap
    /// window fetches again every 15 minutes should not add a history line each time.
    /// </summary>
    public ValueTask<JournalEntry> SetUnlessSameAsync(ConnectionId connection, string orderNumber, JournalStatus status, string message, CancellationToken cancellationToken) =>
        journal.UpdateAsync(
            new JournalKey(connection, RecordKind.Order, orderNumber),
            (entry, now) => entry.Version > 0 && entry.Status == status && string.Equals(entry.Message, message, StringComparison.Ordinal)
                ? entry
                : entry.WithStatus(status, message, now),
            cancellationToken);

    public async ValueTask<IReadOnlyList<string>> WaitingAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        const int pageSize = 1_000;
        var query = new JournalQuery(connection, RecordKind.Order) { Statuses = [JournalStatus.Queued, JournalStatus.Running] };
        var waiting = new List<JournalEntry>();
        for (var page = 0; ; page++)
        {
            var entries = (await journal.QueryAsync(query, page, pageSize, cancellationToken).ConfigureAwait(false)).Entries;
            waiting.AddRange(entries);
            if (entries.Count < pageSize)
            {
                break;
            }
        }

        return waiting
            .OrderBy(e => e.UpdatedAt)
            .ThenBy(e => e.Key.RecordKey, StringComparer.Ordinal)
            .Select(e => e.Key.RecordKey)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static JournalEntry WithOrder(JournalEntry entry, MarketplaceOrder order) => entry with
    {
        Title = order.ShippingAddress?.Name ?? order.BillingAddress?.Name ?? entry.Title,
        OrderDate = order.CreatedAt,
    };
}
