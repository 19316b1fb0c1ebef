using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>
/// Writes the order tab of the journal ("Aufträge"): one entry per order number, with the buyer's name as
/// its title and the order date for the order-date filter whenever the order's data is known. A page of orders is
/// read with one store read and its changes saved with one store write (<see cref="ChangeManyAsync"/>).
/// </summary>
internal sealed class OrderImportJournal
{
    private readonly SyncJournal _journal;
    private readonly IJournalStore _store;
    private readonly IClock _clock;
    private readonly JournalHistoryBound _bound;

    public OrderImportJournal(SyncJournal journal, IJournalStore store, IClock clock, int historyLines)
    {
        _journal = journal;
        _store = store;
        _clock = clock;
        _bound = new JournalHistoryBound(historyLines);
    }

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

    /// <summary>The order numbers, of those given, that automatic runs leave alone for now: one store read for them all.</summary>
    public async ValueTask<IReadOnlySet<string>> WaitingOfAsync(ConnectionId connection, IReadOnlyCollection<string> orderNumbers, Instant now, CancellationToken cancellationToken)
    {
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        if (orderNumbers.Count == 0)
        {
            return waiting;
        }

        foreach (var entry in await _store.GetManyAsync(orderNumbers.Select(n => Key(connection, n)).ToArray(), cancellationToken).ConfigureAwait(false))
        {
            if (RetryBackoff.IsWaiting(entry, now))
            {
                waiting.Add(entry.Key.RecordKey);
            }
        }

        return waiting;
    }

    /// <summary>
    /// Applies a change to each of many orders' entries (creating an entry that does not exist yet) with one store read
    /// and one store write. An entry another writer saved in between is changed again on its own, so that no status
    /// change is lost.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="changes">At most one change per order number.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when every change is saved.</returns>
    public async ValueTask ChangeManyAsync(ConnectionId connection, IReadOnlyList<OrderJournalChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        if (changes.Count == 1)
        {
            await ChangeAsync(connection, changes[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = _clock.GetCurrentInstant();
        var keys = changes.Select(c => Key(connection, c.OrderNumber)).ToArray();
        var current = (await _store.GetManyAsync(keys, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Key.RecordKey, StringComparer.Ordinal);
        var toSave = new List<JournalEntry>(changes.Count);
        var applied = new List<OrderJournalChange>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var entry = current.GetValueOrDefault(changes[i].OrderNumber) ?? new JournalEntry { Key = keys[i], UpdatedAt = now };
            var changed = changes[i].Apply(entry, now);
            if (!ReferenceEquals(changed, entry) || entry.Version == 0)
            {
                toSave.Add(_bound.Apply(changed));
                applied.Add(changes[i]);
            }
        }

        var saved = await _store.TrySaveManyAsync(toSave, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < toSave.Count; i++)
        {
            if (saved[i] is null)
            {
                await ChangeAsync(connection, applied[i], cancellationToken).ConfigureAwait(false);
            }
        }
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

    private static JournalEntry WithOrder(JournalEntry entry, MarketplaceOrder order) => entry with
    {
        Title = order.ShippingAddress?.Name ?? order.BillingAddress?.Name ?? entry.Title,
        OrderDate = order.CreatedAt,
    };
}
