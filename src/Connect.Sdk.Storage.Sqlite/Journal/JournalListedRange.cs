namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// The SQL of a bounded read along an index in page order, shared by a page and its total: at most <c>@bound</c> of
/// the index's entries, each with whether it passes the criteria the index decides (all but free text, off the index
/// alone); with free text, only those entries' rows are read to check it. So a filter the index decides costs index
/// entries, and the bound on rows applies only where rows are read.
/// </summary>
/// <param name="Filter">The query's filter.</param>
/// <param name="Driver">The index, in page order.</param>
/// <param name="Driving">The condition the index range is read with (see <see cref="JournalFilter.DrivingCondition"/>), with any start position.</param>
/// <param name="Order">The order of the read: the page order, or backwards for the last page.</param>
internal sealed record JournalListedRange(JournalFilter Filter, JournalDriver Driver, string Driving, string Order)
{
    /// <summary>How many index entries a read without free text may list for each row a read with free text may check: an index entry costs a tenth of a row or less, and a page may read the range twice (its total, then the page).</summary>
    public const int ListedPerRow = 4;

    /// <summary>The bound of a read, in index entries, for a bound of <paramref name="rows"/> rows.</summary>
    public int Bound(int rows) => Filter.TextCondition is null ? rows * ListedPerRow : rows;

    /// <summary>
    /// The matches in the read's order as <c>SELECT {columns} FROM … WHERE …</c>, without a limit: <paramref name="columns"/>
    /// may name the entry's columns, or <c>listed_at</c> (its change time) alone, which a read without free text takes
    /// off the index.
    /// </summary>
    public string Matches(string columns)
    {
        var listed = $"SELECT id AS listed_id, updated_at AS listed_at, {Filter.ListedCondition(Driver)} AS listed_hit FROM journal_entries INDEXED BY {Driver.Index} WHERE {Driving} {Order} LIMIT @bound";
        return Filter.TextCondition is { } text
            ? $"SELECT {columns} FROM ({listed}) CROSS JOIN journal_entries ON id = listed_id WHERE listed_hit AND {text}"
            : columns == "listed_at"
                ? $"SELECT listed_at FROM ({listed}) WHERE listed_hit"
                : $"SELECT {columns} FROM ({listed}) CROSS JOIN journal_entries ON id = listed_id WHERE listed_hit";
    }

    /// <summary>The entries just past the bound, off the index alone: whether the read stopped before the range ended, and where.</summary>
    public string PastTheBound => $"SELECT updated_at, record_key FROM journal_entries INDEXED BY {Driver.Index} WHERE {Driving} {Order} LIMIT 2 OFFSET @bound - 1";
}
