using Connect.Sdk.Journal;

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

    /// <summary>The order numbers of entries left waiting: queued by a user, or left running by a run that broke off.</summary>
    public async ValueTask<IReadOnlyList<string>> WaitingAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var query = new JournalQuery(connection, RecordKind.Order) { Statuses = [JournalStatus.Queued, JournalStatus.Running] };
        await foreach (var key in journal.ListKeysAsync(query, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key.RecordKey);
        }

        // Oldest first, so that a long backlog is worked off in the order it arose.
        keys.Reverse();
        return keys;
    }

    private static JournalEntry WithOrder(JournalEntry entry, MarketplaceOrder order) => entry with
    {
        Title = order.ShippingAddress?.Name ?? order.BillingAddress?.Name ?? entry.Title,
        OrderDate = order.CreatedAt,
    };
}
