namespace Connect.Sdk.Journal;

/// <summary>One page of journal entries and how many entries match the query in total.</summary>
/// <param name="Entries">The entries of the page, in <see cref="JournalQuery.Order"/>.</param>
/// <param name="TotalCount">
/// How many entries match the query across all pages; when <see cref="TotalIsEstimate"/> is set, an estimate (see there).
/// </param>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, int TotalCount)
{
    /// <summary>
    /// Whether <see cref="TotalCount"/> is an estimate: set when more entries match than the request's
    /// <see cref="JournalPageRequest.ExactTotalLimit"/> and the store stopped counting there, or when the store stopped
    /// counting after reading its bound of entries (a filter few entries match, which only reading them could count
    /// exactly; the estimate may then be below the limit, and zero when none of those read matched). An unflagged total
    /// is exact. Pages read by offset always carry an exact total.
    /// </summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>
    /// Whether the store stopped searching before the page was full: it reads at most a bounded number of entries per
    /// page (so that a filter few entries match cannot read a whole tab), and this page holds the matches among those
    /// it read. More entries may match further on: <see cref="NextPage"/> continues the search where it stopped (the
    /// next page may again stop early, and may be empty). On the last page (<see cref="JournalPageRequest.Last"/>) it
    /// means the page holds the last matches among the oldest entries read, and fewer than asked for. Stores that read
    /// every candidate never set it.
    /// </summary>
    public bool StoppedEarly { get; init; }

    /// <summary>
    /// The continuation token of the next page (<see cref="JournalPageRequest.After"/>), or <see langword="null"/> when
    /// this page holds the last match. Pages read by offset carry none.
    /// </summary>
    public string? NextPage { get; init; }

    /// <summary>
    /// Makes a keyset page that stopped searching before it was full (<see cref="StoppedEarly"/>): its next page starts
    /// after the last entry read, match or not; the last page has none.
    /// </summary>
    /// <param name="query">The query the page was read with.</param>
    /// <param name="request">The request; for the last page, <paramref name="matches"/> are the last ones found, in order.</param>
    /// <param name="matches">The matches found, at most <see cref="JournalPageRequest.Size"/>, in <see cref="JournalQuery.Order"/>.</param>
    /// <param name="stoppedAfter">The position of the last entry read.</param>
    /// <param name="total">The total, exact or estimated.</param>
    /// <param name="totalIsEstimate">Whether <paramref name="total"/> is an estimate.</param>
    /// <returns>The page.</returns>
    public static JournalPage Stopped(JournalQuery query, JournalPageRequest request, IReadOnlyList<JournalEntry> matches, JournalPosition stoppedAfter, int total, bool totalIsEstimate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(matches.Count, request.Size, nameof(matches));
        return new JournalPage(matches, total)
        {
            TotalIsEstimate = totalIsEstimate,
            StoppedEarly = true,
            NextPage = request.IsLast ? null : JournalContinuation.After(query, stoppedAfter),
        };
    }

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
