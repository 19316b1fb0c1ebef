using NodaTime;

namespace Connect.Sdk.Journal;

/// <summary>One change of a batch for <see cref="SyncJournal"/>: which entry, and how it changes at a given instant (the entry itself when nothing changes).</summary>
/// <param name="Key">The entry's identity.</param>
/// <param name="Change">The change, given the entry as stored (or new, "not synced") and the instant of the change.</param>
internal readonly record struct JournalChange(JournalKey Key, Func<JournalEntry, Instant, JournalEntry> Change);
