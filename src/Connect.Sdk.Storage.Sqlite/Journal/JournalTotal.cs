using Connect.Sdk.Journal;
using Connect.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The total of a keyset page: exact from the tallies when only tab and status are filtered; otherwise counted in
/// order up to one more than the exact-total limit and estimated past it (<see cref="JournalKeysetPage.CountAsync"/>),
/// never above the tab's tally.
/// </summary>
internal static class JournalTotal
{
    private const string TabSize = "(SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE connection = @tab_connection AND kind = @tab_kind)";

    /// <summary>Counts the matches of a filter, exactly up to <paramref name="exactLimit"/>.</summary>
    /// <returns>The total, and whether it is an estimate.</returns>
    public static async Task<(int Total, bool IsEstimate)> CountAsync(
        SqliteConnection db, SqliteTransaction snapshot, JournalFilter filter, JournalQuery query, bool viaTextIndex, int exactLimit, CancellationToken cancellationToken)
    {
        if (filter.TallyCondition is { } tally)
        {
            await using var sum = filter.Bind(db.Command(snapshot, $"SELECT COALESCE(SUM(entries), 0) FROM journal_counts WHERE {tally};"));
            return ((int)(long)(await sum.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, false);
        }

        return await JournalKeysetPage.CountAsync(
            db,
            snapshot,
            command => filter.Bind((SqliteCommand)command),
            JournalFilter.Source(viaTextIndex),
            viaTextIndex ? filter.ConditionBesidesText : filter.Condition,
            query,
            exactLimit,
            TabSize,
            cancellationToken).ConfigureAwait(false);
    }
}
