using Connect.Sdk.Journal;
using NodaTime;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The estimated total of a journal query whose count stopped past the exact-total limit: the matches counted,
/// newest first, reached back to some instant; assuming the rest spread over the tab's (or the filter's) time span as
/// evenly, the total is the count scaled by the whole span over the span covered. Never below the count, never above
/// the tab.
/// </summary>
internal static class JournalTotalEstimate
{
    /// <summary>Scales a stopped count to the query's time span.</summary>
    /// <param name="query">The query, whose change-time range narrows the span.</param>
    /// <param name="counted">The matches counted before the count stopped.</param>
    /// <param name="reachedBack">The stored change time of the oldest match counted.</param>
    /// <param name="oldest">The stored change time of the tab's oldest entry.</param>
    /// <param name="newest">The stored change time of the tab's newest entry.</param>
    /// <param name="tab">How many entries the tab holds.</param>
    /// <returns>The estimate.</returns>
    public static int Extrapolate(JournalQuery query, long counted, long reachedBack, long oldest, long newest, long tab)
    {
        oldest = Math.Max(oldest, query.ChangedFrom?.ToUnixTimeTicks() ?? long.MinValue);
        newest = Math.Min(newest, (query.ChangedTo - Duration.Epsilon)?.ToUnixTimeTicks() ?? long.MaxValue);
        var covered = (double)newest - reachedBack;
        var estimate = covered <= 0 ? counted : counted * (((double)newest - oldest) / covered);
        return (int)Math.Clamp(Math.Round(estimate), counted, Math.Max(counted, Math.Min(tab, int.MaxValue)));
    }
}
