using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Orders;

/// <summary>A change to one order's journal entry, applied to the entry as stored (or a new one) at the time of the write.</summary>
/// <param name="OrderNumber">The marketplace order number: the entry's record key.</param>
/// <param name="Apply">Returns the changed entry, or the same instance to leave a stored entry alone.</param>
internal sealed record OrderJournalChange(string OrderNumber, Func<JournalEntry, Instant, JournalEntry> Apply);
