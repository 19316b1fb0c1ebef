using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Reads a keyset page from the index <see cref="JournalDriverChoice"/> chose. Off an index in page order the page
/// reads at most the read bound of its entries, checking the rest of the filter on each; when that leaves the page
/// short and more entries follow, the page stops there (<see cref="JournalPage.StoppedEarly"/>) and its token
/// continues after the last entry read. The full-text index's few candidates and a sorted range within the bound are
/// read whole.
/// </summary>
internal static class JournalDrivenPage
{
    private const string OrderFromLast = "ORDER BY updated_at, record_key DESC";

    /// <summary>Reads the page.</summary>
    /// <param name="db">The connection.</param>
    /// <param name="snapshot">The read transaction of the page and its total.</param>
    /// <param name="filter">The query's filter.</param>
    /// <param name="query">The query.</param>
    /// <param name="request">Which page.</param>
    /// <param name="after">The position the page starts after, from the request's token.</param>
    /// <param name="driver">The index; <see langword="null"/> for the full-text index's candidates.</param>
    /// <param name="readBound">Up to how many entries of an index in page order the page reads.</param>
    /// <param name="total">The page's total.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    public static async Task<JournalPage> ReadAsync(
        SqliteConnection db,
        SqliteTransaction snapshot,
        JournalFilter filter,
        JournalQuery query,
        JournalPageRequest request,
        JournalPosition? after,
        JournalDriver? driver,
        int readBound,
        (int Total, bool IsEstimate) total,
        CancellationToken cancellationToken)
    {
        if (driver is not { InPageOrder: true })
        {
            var source = driver is null ? JournalFilter.Source(viaTextIndex: true) : $"journal_entries INDEXED BY {driver.Index}";
            var sql = JournalKeysetPage.Select(JournalRows.Columns, source, driver is null ? filter.ConditionBesidesText : filter.Condition, request, after);
            await using var whole = JournalKeysetPage.Bind(filter.Bind(db.Command(snapshot, sql)), request, after);
            return JournalKeysetPage.Of(query, request, JournalRows.ReadWithHistory(whole, cancellationToken), total);
        }

        var driving = after is null ? filter.DrivingCondition(driver) : $"{filter.DrivingCondition(driver, after)} AND {JournalKeysetPage.After}";

        // The bound never leaves room for less than a page.
        var range = new JournalListedRange(filter, driver, driving, request.IsLast ? OrderFromLast : JournalFilter.OrderBy, Math.Max(readBound, request.Size + 1));
        List<JournalEntry> entries;
        await using (var select = range.BindBounds(JournalKeysetPage.Bind(filter.Bind(db.Command(snapshot, $"{range.Matches(JournalRows.Columns)} LIMIT @take;")), request, after)))
        {
            // The listed entries come from a co-routine in the read's order; the join keeps it and stops at the page's end.
            entries = JournalRows.ReadWithHistory(select, cancellationToken);
        }

        if (entries.Count < (request.IsLast ? request.Size : request.Size + 1)
            && await range.StoppedAfterAsync(db, snapshot, command => JournalKeysetPage.Bind(filter.Bind(command), request, after), cancellationToken).ConfigureAwait(false) is { } stoppedAfter)
        {
            if (request.IsLast)
            {
                entries.Reverse();
            }

            return JournalPage.Stopped(query, request, entries, stoppedAfter, total.Total, total.IsEstimate);
        }

        return JournalKeysetPage.Of(query, request, entries, total);
    }
}
