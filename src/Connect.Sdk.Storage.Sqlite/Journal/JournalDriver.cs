namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The index a journal keyset page is read from, with the criteria of the filter that index decides. An index in page
/// order (every index ending in <c>updated_at DESC, record_key</c>, under an equality) is read in order and stopped at
/// the read bound; any other (a range of order dates, several statuses) is read whole and sorted, so it is only taken
/// when its range is within the bound.
/// </summary>
/// <param name="Index">The index, for <c>INDEXED BY</c>.</param>
/// <param name="Conditions">The filter's conditions the index decides, as <see cref="JournalFilter"/> wrote them; none for the tab's own order.</param>
/// <param name="InPageOrder">Whether the index lists its range in page order.</param>
internal sealed record JournalDriver(string Index, IReadOnlyList<string> Conditions, bool InPageOrder)
{
    /// <summary>The tab in page order: the index every filter can be read from.</summary>
    public static JournalDriver Recent { get; } = new("journal_entries_recent", [], true);

    /// <summary>The index by tab and status.</summary>
    public const string StatusIndex = "journal_entries_status";
}
