using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Writes the order tab of the journal ("Aufträge"): one entry per order number, with the buyer's name as
/// its title and the order date for the order-date filter whenever the order's data is known. A page of orders is
/// read with one store read and each step's changes saved with one store write (<see cref="ChangeManyAsync"/>).
/// </summary>
internal sealed class OrderImportJournal
{
    private readonly SyncJournal _journal;

    public OrderImportJournal(SyncJournal journal) => _journal = journal;

    /// <summary>Moves the order's entry to a status with a message; <see cref="JournalStatus.Running"/> counts an attempt.</summary>
    public static OrderJournalChange Status(string orderNumber, JournalStatus status, string message, MarketplaceOrder? order) =>
        new(orderNumber, (entry, now) =>
        {
            var changed = entry.WithStatus(status, message, now);
            changed = status == JournalStatus.Running ? changed with { Attempts = entry.Attempts + 1 } : changed;
            return order is null ? changed : WithOrder(changed, order);
        });

    /// <summary>
    /// Fails an order whose hand-over broke off (the ERP or a store failed), which automatic runs hand over again by
    /// themselves: at its next try, later with every failure in a row (<see cref="RetryBackoff"/>), said at the end of
    /// the message.
    /// </summary>
    public static OrderJournalChange FailUntilNextTry(string orderNumber, string message, MarketplaceOrder order) =>
        new(orderNumber, (entry, now) => WithOrder(RetryBackoff.Schedule(entry.WithStatus(JournalStatus.Failed, message, now), now), order));

    /// <summary>
    /// Like <see cref="Status"/>, but leaves an entry alone that already says the same: an order the overlap
    /// window fetches again every 15 minutes should not add a history line each time.
    /// </summary>
    public static OrderJournalChange StatusUnlessSame(string orderNumber, JournalStatus status, string message) =>
        new(orderNumber, (entry, now) => entry.Version > 0 && entry.Status == status && string.Equals(entry.Message, message, StringComparison.Ordinal)
            ? entry
            : entry.WithStatus(status, message, now));

    public ValueTask<JournalEntry> SetAsync(ConnectionId connection, string orderNumber, JournalStatus status, string message, MarketplaceOrder? order, CancellationToken cancellationToken) =>
        ChangeAsync(connection, Status(orderNumber, status, message, order), cancellationToken);

    public ValueTask<JournalEntry> SetUnlessSameAsync(ConnectionId connection, string orderNumber, JournalStatus status, string message, CancellationToken cancellationToken) =>
        ChangeAsync(connection, StatusUnlessSame(orderNumber, status, message), cancellationToken);

    /// <summary>Whether automatic runs leave the order alone for now, because its next try is later.</summary>
    public async ValueTask<bool> IsWaitingAsync(ConnectionId connection, string orderNumber, Instant now, CancellationToken cancellationToken) =>
        RetryBackoff.IsWaiting(await _journal.GetAsync(Key(connection, orderNumber), cancellationToken).ConfigureAwait(false), now);

    /// <summary>The entries of many orders with one store read, by order number; orders without an entry are left out.</summary>
    public async ValueTask<IReadOnlyDictionary<string, JournalEntry>> ReadManyAsync(ConnectionId connection, IReadOnlyCollection<string> orderNumbers, CancellationToken cancellationToken) =>
        orderNumbers.Count == 0
            ? new Dictionary<string, JournalEntry>(StringComparer.Ordinal)
            : ByOrderNumber(await _journal.GetManyAsync(orderNumbers.Select(n => Key(connection, n)).ToArray(), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Applies a change to each of many orders' entries (creating an entry that does not exist yet) with one store write
    /// per <see cref="SyncJournal.BatchSize"/> orders, after one store read unless the entries are <paramref name="known"/> already. An entry another writer saved in
    /// between (or since it was read) is changed again on its own, so that no status change is lost.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="changes">At most one change per order number.</param>
    /// <param name="known">The entries as this run last read or saved them, by order number; <see langword="null"/> to read them.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The entries as saved, by order number: what the next change of the same orders may pass as <paramref name="known"/>.</returns>
    public async ValueTask<IReadOnlyDictionary<string, JournalEntry>> ChangeManyAsync(
        ConnectionId connection,
        IReadOnlyList<OrderJournalChange> changes,
        IReadOnlyDictionary<string, JournalEntry>? known,
        CancellationToken cancellationToken)
    {
        // The same batch change as every other tab's (SyncJournal), keyed by order number for the steps of an import.
        var saved = await _journal.ChangeManyAsync(
            changes.Select(change => new JournalChange(Key(connection, change.OrderNumber), change.Apply)).ToArray(),
            known?.ToDictionary(pair => Key(connection, pair.Key), pair => pair.Value),
            createMissing: true,
            cancellationToken).ConfigureAwait(false);
        return ByOrderNumber(saved);
    }

    /// <summary>
    /// The order numbers of entries left waiting: queued by a user, or left running by a run that broke off;
    /// oldest first, so that a backlog is worked off in the order it arose.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> WaitingAsync(ConnectionId connection, CancellationToken cancellationToken)
    {
        const int pageSize = 1_000;
        var query = new JournalQuery(connection, RecordKind.Order) { Statuses = [JournalStatus.Queued, JournalStatus.Running] };
        var waiting = new List<JournalEntry>();
        for (var page = 0; ; page++)
        {
            var entries = (await _journal.QueryAsync(query, page, pageSize, cancellationToken).ConfigureAwait(false)).Entries;
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

    private ValueTask<JournalEntry> ChangeAsync(ConnectionId connection, OrderJournalChange change, CancellationToken cancellationToken) =>
        _journal.UpdateAsync(Key(connection, change.OrderNumber), change.Apply, cancellationToken);

    private static JournalKey Key(ConnectionId connection, string orderNumber) => new(connection, RecordKind.Order, orderNumber);

    private static Dictionary<string, JournalEntry> ByOrderNumber(IReadOnlyDictionary<JournalKey, JournalEntry> entries) =>
        entries.ToDictionary(pair => pair.Key.RecordKey, pair => pair.Value, StringComparer.Ordinal);

    private static JournalEntry WithOrder(JournalEntry entry, MarketplaceOrder order) => entry with
    {
        Title = order.ShippingAddress?.Name ?? order.BillingAddress?.Name ?? entry.Title,
        OrderDate = order.CreatedAt,
    };
}
