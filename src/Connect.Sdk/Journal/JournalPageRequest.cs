namespace Connect.Sdk.Journal;

/// <summary>
/// Which page of a journal query to read: the first, the one after a continuation token, or the last. Pages are read
/// by key set, so page 10,000 costs what page one costs.
/// </summary>
public sealed record JournalPageRequest
{
    /// <summary>Up to how many matches a total is counted exactly unless the request says otherwise (1,000: twenty pages of fifty).</summary>
    public const int DefaultExactTotalLimit = 1_000;

    private JournalPageRequest(int size, string? continuation, bool isLast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Continuation = continuation;
        IsLast = isLast;
    }

    /// <summary>The number of entries per page; at least one.</summary>
    public int Size { get; }

    /// <summary>The token of the page before (<see cref="JournalPage.NextPage"/>); <see langword="null"/> for the first or last page.</summary>
    public string? Continuation { get; }

    /// <summary>Whether the last page is wanted: the last <see cref="Size"/> matches, in <see cref="JournalQuery.Order"/>.</summary>
    public bool IsLast { get; }

    /// <summary>
    /// Up to how many matches the total is exact. Above it a store may stop counting and return an estimate instead,
    /// flagged by <see cref="JournalPage.TotalIsEstimate"/>; zero or more.
    /// </summary>
    public int ExactTotalLimit
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultExactTotalLimit;

    /// <summary>The first page.</summary>
    /// <param name="size">Entries per page; at least one.</param>
    /// <returns>The request.</returns>
    public static JournalPageRequest First(int size) => new(size, null, false);

    /// <summary>The page after the one that returned <paramref name="continuation"/> as its <see cref="JournalPage.NextPage"/>.</summary>
    /// <param name="continuation">The token; it only works with the query it was read with.</param>
    /// <param name="size">Entries per page; at least one.</param>
    /// <returns>The request.</returns>
    public static JournalPageRequest After(string continuation, int size)
    {
        ArgumentException.ThrowIfNullOrEmpty(continuation);
        return new(size, continuation, false);
    }

    /// <summary>The last page: the last <paramref name="size"/> matches, in the normal order.</summary>
    /// <param name="size">Entries per page; at least one.</param>
    /// <returns>The request.</returns>
    public static JournalPageRequest Last(int size) => new(size, null, true);

    /// <summary>The position the page starts after, read from <see cref="Continuation"/> for a query.</summary>
    /// <param name="query">The query the page is read with.</param>
    /// <returns>The position, or <see langword="null"/> when the page starts at the first match.</returns>
    /// <exception cref="ArgumentException">The token belongs to another query or is malformed.</exception>
    public JournalPosition? StartsAfter(JournalQuery query) => Continuation is null ? null : JournalContinuation.Read(query, Continuation);
}
