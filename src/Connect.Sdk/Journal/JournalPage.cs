namespace Connect.Sdk.Journal;

/// <summary>One page of journal entries and how many entries match the query in total.</summary>
/// <param name="Entries">The entries of the page, in <see cref="JournalQuery.Order"/>.</param>
/// <param name="TotalCount">
/// How many entries match the query across all pages; when <see cref="TotalIsEstimate"/> is set, an estimate that is
/// at least <see cref="JournalPageRequest.ExactTotalLimit"/>.
/// </param>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, int TotalCount)
{
    /// <summary>
    /// Whether <see cref="TotalCount"/> is an estimate: set only when more entries match than the request's
    /// <see cref="JournalPageRequest.ExactTotalLimit"/> and the store stopped counting there. Pages read by offset
    /// always carry an exact total.
    /// </summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>
    /// The continuation token of the next page (<see cref="JournalPageRequest.After"/>), or <see langword="null"/> when
    /// this page holds the last match. Pages read by offset carry none.
    /// </summary>
    public string? NextPage { get; init; }

    /// <summary>Makes a keyset page from the matches read after its start.</summary>
    /// <param name="query">The query the page was read with.</param>
    /// <param name="request">The request; for the last page, <paramref name="matches"/> are the last ones, in order.</param>
    /// <param name="matches">Up to <see cref="JournalPageRequest.Size"/> + 1 matches in <see cref="JournalQuery.Order"/>; one more than the size says another page follows.</param>
    /// <param name="total">The total, exact or estimated.</param>
    /// <param name="totalIsEstimate">Whether <paramref name="total"/> is an estimate.</param>
    /// <returns>The page, with the token of the next one when one follows.</returns>
    public static JournalPage Of(JournalQuery query, JournalPageRequest request, IReadOnlyList<JournalEntry> matches, int total, bool totalIsEstimate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(matches);
        var more = !request.IsLast && matches.Count > request.Size;
        var entries = more ? matches.Take(request.Size).ToArray() : matches;
        return new JournalPage(entries, total)
        {
            TotalIsEstimate = totalIsEstimate,
            NextPage = more ? JournalContinuation.After(query, entries[^1]) : null,
        };
    }
}
