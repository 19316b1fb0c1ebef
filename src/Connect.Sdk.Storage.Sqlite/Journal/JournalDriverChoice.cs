using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// Chooses the index a journal keyset page and its total are read from, by how many entries each candidate lists: a
/// status's from the tallies, any other by a count on its index that stops where it could no longer win. Without
/// statistics SQLite's planner takes the first fitting index, which for "queued with failed tracking" reads ten
/// thousand tracking entries to find two hundred matches, or sorts a whole order-date range.
/// </summary>
internal static class JournalDriverChoice
{
    /// <summary>
    /// How many rows one page, or one total, reads at most to check free text on, beside
    /// <see cref="JournalListedRange.ListedPerRow"/> times as many index entries listed (which decide every other
    /// criterion); a few milliseconds each on the project's machine. Past either the page stops early and the total
    /// is estimated. Also the most entries a range out of page order may hold to be read whole and sorted. At 5,000 a
    /// page with every criterion took 21–31 ms P95 at a million entries on a slower machine of the same size; at 3,000, 13–16 ms.
    /// </summary>
    public const int DefaultReadBound = 3_000;

    private const int ProbeBounds = 4;

    /// <summary>
    /// The index with the fewest entries in its range: an index in page order whenever one narrows the tab, unless an
    /// index out of page order (read whole and sorted) lists fewer entries, and no more than <paramref name="readBound"/>.
    /// Ranges are counted only as far as they could win, and at most a few bounds of index entries.
    /// </summary>
    public static async Task<JournalDriver> ChooseAsync(SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, int readBound, CancellationToken cancellationToken)
    {
        var chosen = JournalDriver.Recent;
        var listed = await ScalarAsync(db, snapshot, filter, "SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE connection = $connection AND kind = $kind;", cancellationToken).ConfigureAwait(false);
        JournalDriver? sorted = null;
        long sortedListed = readBound + 1L;
        foreach (var driver in filter.Drivers)
        {
            // A count stops where its range could no longer win, and at a few bounds (index entries alone, a few
            // milliseconds): two ranges both longer than that are told apart only by which comes first.
            var cap = driver.InPageOrder ? Math.Min(listed, ProbeBounds * (long)readBound) : sortedListed;
            var size = driver.Index == JournalDriver.StatusIndex
                ? await ScalarAsync(db, snapshot, filter, $"SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE connection = $connection AND kind = $kind AND {driver.Conditions[0]};", cancellationToken).ConfigureAwait(false)
                : await ScalarAsync(
                    db,
                    snapshot,
                    filter,
                    $"SELECT COUNT(*) FROM (SELECT 1 FROM journal_entries INDEXED BY {driver.Index} WHERE connection = $connection AND kind = $kind AND {string.Join(" AND ", driver.Conditions)} LIMIT {cap.ToString(CultureInfo.InvariantCulture)});",
                    cancellationToken).ConfigureAwait(false);
            if (driver.InPageOrder && size < listed)
            {
                (chosen, listed) = (driver, size);
            }
            else if (!driver.InPageOrder && size < sortedListed)
            {
                (sorted, sortedListed) = (driver, size);
            }
        }

        return sorted is not null && sortedListed < listed ? sorted : chosen;
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, string sql, CancellationToken cancellationToken)
    {
        await using var command = filter.Bind(db.Command(snapshot, sql));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
