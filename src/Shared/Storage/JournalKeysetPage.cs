using System.Data.Common;
using Connect.Sdk.Journal;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// The SQL of a journal keyset page and of its total, the same in SQLite and PostgreSQL: a page starts after the
/// position of the page before on the <c>(connection, kind, updated_at DESC, record_key)</c> order, the last page reads
/// that order backwards, and the total is counted in that order up to one more than the exact-total limit. The
/// parameters are <c>@name</c>, which both providers accept beside a filter's own.
/// </summary>
internal static class JournalKeysetPage
{
    /// <summary>The order of <see cref="JournalQuery.Order"/>: most recently changed first, then record key (ordinal).</summary>
    public const string OrderBy = "ORDER BY updated_at DESC, record_key";

    /// <summary>
    /// The entries after <c>@after_at</c>/<c>@after_key</c> in <see cref="OrderBy"/>: "updated_at &lt;= @after_at" bounds the
    /// index range; the OR only sorts out the entries at that instant.
    /// </summary>
    public const string After = "updated_at <= @after_at AND (updated_at < @after_at OR record_key > @after_key)";

    private const string OrderFromLast = "ORDER BY updated_at, record_key DESC";

    /// <summary>The statement of a page: one entry more than its size (whether a next page follows), or the last page backwards.</summary>
    public static string Select(string columns, string source, string condition, JournalPageRequest request, JournalPosition? after) =>
        request.IsLast ? $"SELECT {columns} FROM {source} WHERE {condition} {OrderFromLast} LIMIT @take;"
        : after is null ? $"SELECT {columns} FROM {source} WHERE {condition} {OrderBy} LIMIT @take;"
        : $"SELECT {columns} FROM {source} WHERE {condition} AND {After} {OrderBy} LIMIT @take;";

    /// <summary>Binds the page's size and start to a command of <see cref="Select"/>.</summary>
    public static TCommand Bind<TCommand>(TCommand command, JournalPageRequest request, JournalPosition? after)
        where TCommand : DbCommand
    {
        command.With("@take", request.IsLast ? request.Size : request.Size + 1);
        if (after is { } position)
        {
            command.With("@after_at", position.UpdatedAt.ToStored()).With("@after_key", position.RecordKey);
        }

        return command;
    }

    /// <summary>The page of the entries a command of <see cref="Select"/> read; the last page's are put back in order.</summary>
    public static JournalPage Of(JournalQuery query, JournalPageRequest request, List<JournalEntry> entries, (int Total, bool IsEstimate) total)
    {
        if (request.IsLast)
        {
            entries.Reverse();
        }

        return JournalPage.Of(query, request, entries, total.Total, total.IsEstimate);
    }

    /// <summary>
    /// Counts the matches in page order, exactly up to the limit; past it the count stops and the total is
    /// extrapolated (<see cref="JournalTotalEstimate"/>), so a common word costs the limit's rows, not all its matches.
    /// </summary>
    /// <param name="db">The connection.</param>
    /// <param name="snapshot">The read transaction of the page.</param>
    /// <param name="bindFilter">Binds the filter's parameters.</param>
    /// <param name="source">The rows: the entries, or the full-text index's candidates joined to them.</param>
    /// <param name="condition">The filter's condition on <paramref name="source"/>.</param>
    /// <param name="query">The query.</param>
    /// <param name="exactLimit">Up to how many matches the total is exact.</param>
    /// <param name="tabSize">A SQL expression for the tab's size (bound by <c>@tab_connection</c>/<c>@tab_kind</c>), which caps the estimate; <c>NULL</c> when the store keeps none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The total, and whether it is an estimate.</returns>
    public static async Task<(int Total, bool IsEstimate)> CountAsync(
        DbConnection db,
        DbTransaction snapshot,
        Func<DbCommand, DbCommand> bindFilter,
        string source,
        string condition,
        JournalQuery query,
        int exactLimit,
        string tabSize,
        CancellationToken cancellationToken)
    {
        long counted;
        long reachedBack;
        await using (var count = bindFilter(db.Command(snapshot, $"SELECT COUNT(*), MIN(updated_at) FROM (SELECT updated_at FROM {source} WHERE {condition} {OrderBy} LIMIT @cap) AS counted;")))
        {
            count.With("@cap", (long)exactLimit + 1);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            counted = reader.GetInt64(0);
            reachedBack = counted == 0 ? 0 : reader.GetInt64(1);
        }

        if (counted <= exactLimit)
        {
            return ((int)counted, false);
        }

        return (await EstimateAsync(db, snapshot, query, counted, reachedBack, tabSize, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>
    /// Extrapolates a count that stopped (<see cref="JournalTotalEstimate"/>) to the tab's time span, read with two index
    /// seeks, and capped by the tab's size where the store tallies it.
    /// </summary>
    /// <param name="db">The connection.</param>
    /// <param name="snapshot">The read transaction of the page.</param>
    /// <param name="query">The query.</param>
    /// <param name="counted">The matches counted.</param>
    /// <param name="reachedBack">The stored change time the count reached back to.</param>
    /// <param name="tabSize">A SQL expression for the tab's size, as for <see cref="CountAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The estimate.</returns>
    public static async Task<int> EstimateAsync(DbConnection db, DbTransaction snapshot, JournalQuery query, long counted, long reachedBack, string tabSize, CancellationToken cancellationToken)
    {
        await using var span = db.Command(snapshot, $"""
                SELECT (SELECT updated_at FROM journal_entries WHERE connection = @tab_connection AND kind = @tab_kind ORDER BY updated_at LIMIT 1),
                       (SELECT updated_at FROM journal_entries WHERE connection = @tab_connection AND kind = @tab_kind ORDER BY updated_at DESC LIMIT 1),
                       {tabSize};
                """)
            .With("@tab_connection", query.Connection.Value)
            .With("@tab_kind", (long)query.Kind);
        await using var spanReader = await span.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await spanReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var tab = spanReader.IsDBNull(2) ? long.MaxValue : spanReader.GetInt64(2);
        return JournalTotalEstimate.Extrapolate(query, counted, reachedBack, spanReader.GetInt64(0), spanReader.GetInt64(1), tab);
    }
}
