using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>One change of a journal entry's status ("Verlauf").</summary>
/// <param name="At">When the status changed.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Message">Why, in words a user can act on; never a secret.</param>
public sealed record JournalStatusChange(Instant At, JournalStatus From, JournalStatus To, string? Message);
