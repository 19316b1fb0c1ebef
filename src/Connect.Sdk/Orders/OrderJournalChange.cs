using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>A change to one order's journal entry, applied to the entry as stored (or a new one) at the time of the write.</summary>
/// <param name="OrderNumber">The marketplace order number: the entry's record key.</param>
/// <param name="Apply">Returns the changed entry, or the same instance to leave a stored entry alone.</param>
internal sealed record OrderJournalChange(string OrderNumber, Func<JournalEntry, Instant, JournalEntry> Apply)
{
    /// <summary>This change and then <paramref name="next"/> in one write: both lines in the entry's history, one save.</summary>
    public OrderJournalChange Then(OrderJournalChange next) => new(OrderNumber, (entry, now) => next.Apply(Apply(entry, now), now));
}
