using System.Globalization;
using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The total of a keyset page: exact from the tallies when only tab and status are filtered; exact by a count of the
/// few full-text candidates or of a sorted index range within the read bound; otherwise counted in page order along
/// the chosen index, reading at most the read bound of its entries, exactly up to one more than the exact-total limit,
/// and estimated past either (<see cref="JournalTotalEstimate"/>), never above the tab's tally.
/// </summary>
internal static class JournalTotal
{
    private const string TabSize = "(SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE connection = @tab_connection AND kind = @tab_kind)";

    /// <summary>Counts the matches of a filter, exactly up to <paramref name="exactLimit"/> and as far as <paramref name="readBound"/> entries of the driver reach.</summary>
    /// <returns>The total, and whether it is an estimate.</returns>
    public static async Task<(int Total, bool IsEstimate)> CountAsync(
        SqliteConnection db,
        SqliteTransaction snapshot,
        JournalFilter filter,
        JournalQuery query,
        JournalDriver? driver,
        int exactLimit,
        int readBound,
        CancellationToken cancellationToken)
    {
        if (filter.TallyCondition is { } tally)
        {
            await using var sum = filter.Bind(db.Command(snapshot, $"SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE {tally};"));
            return ((int)(long)(await sum.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, false);
        }

        if (driver is null)
        {
            // The full-text index's few candidates.
            return await JournalKeysetPage.CountAsync(
                db, snapshot, command => filter.Bind((SqliteCommand)command), JournalFilter.Source(viaTextIndex: true), filter.ConditionBesidesText, query, exactLimit, TabSize, cancellationToken).ConfigureAwait(false);
        }

        if (!driver.InPageOrder)
        {
            // A range within the read bound, counted whole.
            await using var all = filter.Bind(db.Command(snapshot, $"SELECT COUNT(*) FROM journal_entries INDEXED BY {driver.Index} WHERE {filter.Condition};"));
            return (Convert.ToInt32(await all.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture), false);
        }

        var range = new JournalListedRange(filter, driver, filter.DrivingCondition(driver), JournalFilter.OrderBy, readBound);
        if (filter.TextCondition is not null)
        {
            return await CountTextAsync(db, snapshot, filter, query, range, cancellationToken).ConfigureAwait(false);
        }

        long counted;
        long reachedBack;
        await using (var count = range.BindBounds(filter.Bind(db.Command(snapshot, $"SELECT COUNT(*), MIN(listed_at) FROM ({range.Matches("listed_at")} LIMIT @cap);"))))
        {
            count.With("@cap", (long)exactLimit + 1);
            (counted, reachedBack) = await ReadCountAsync(count, cancellationToken).ConfigureAwait(false);
        }

        if (counted <= exactLimit)
        {
            // Fewer matches than the limit among the entries read: exact, unless a bound stopped the read before the
            // index range ended; then scaled from how far back the read reached.
            if (await range.StoppedAfterAsync(db, snapshot, filter.Bind, cancellationToken).ConfigureAwait(false) is not { } stoppedAfter)
            {
                return ((int)counted, false);
            }

            reachedBack = stoppedAfter.UpdatedAt.ToStored();
        }

        return (await JournalKeysetPage.EstimateAsync(db, snapshot, query, counted, reachedBack, TabSize, cancellationToken).ConfigureAwait(false), true);
    }

    // Every row read for the text counted in one pass: exact when neither bound stopped the read (even past the
    // exact-total limit), otherwise scaled from the last entry taken.
    private static async Task<(int Total, bool IsEstimate)> CountTextAsync(
        SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, JournalQuery query, JournalListedRange range, CancellationToken cancellationToken)
    {
        long read;
        long counted;
        long reachedBack;
        await using (var tally = range.BindBounds(filter.Bind(db.Command(snapshot, range.TextTally + ";"))))
        await using (var reader = await tally.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (read, counted) = (reader.GetInt64(0), reader.GetInt64(1));
            reachedBack = read == 0 ? 0 : reader.GetInt64(2);
        }

        if (read < range.Rows)
        {
            if (await range.ListedPastTheEndAsync(db, snapshot, filter.Bind, cancellationToken).ConfigureAwait(false) is not { } listedTo)
            {
                return ((int)counted, false);
            }

            reachedBack = listedTo.UpdatedAt.ToStored();
        }

        return (await JournalKeysetPage.EstimateAsync(db, snapshot, query, counted, reachedBack, TabSize, cancellationToken).ConfigureAwait(false), true);
    }

    private static async Task<(long Counted, long ReachedBack)> ReadCountAsync(SqliteCommand count, CancellationToken cancellationToken)
    {
        await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var counted = reader.GetInt64(0);
        return (counted, counted == 0 ? 0 : reader.GetInt64(1));
    }
}
