namespace Connect.Sdk.Journal;

/// <summary>One page of journal entries and how many entries match the query in total.</summary>
/// <param name="Entries">The entries of the page, in <see cref="JournalQuery.Order"/>.</param>
/// <param name="TotalCount">How many entries match the query across all pages.</param>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, int TotalCount);
