using Connect.Sdk.Journal;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite.Journal;

/// <summary>
/// A bounded read along an index in page order, shared by a page and its total: at most <see cref="Listed"/> of the
/// index's entries, each with whether it passes the criteria the index decides (all but free text, off the index
/// alone); with free text, the rows of at most <see cref="Rows"/> of the entries that pass are read to check it. So a
/// filter the index decides costs index entries, and rows are read only where the text needs them.
/// </summary>
/// <param name="Filter">The query's filter.</param>
/// <param name="Driver">The index, in page order.</param>
/// <param name="Driving">The condition the index range is read with (see <see cref="JournalFilter.DrivingCondition"/>), with any start position.</param>
/// <param name="Order">The order of the read: the page order, or backwards for the last page.</param>
/// <param name="Rows">Up to how many rows the read checks free text on.</param>
internal sealed record JournalListedRange(JournalFilter Filter, JournalDriver Driver, string Driving, string Order, int Rows)
{
    /// <summary>
    /// How many index entries a read lists for each row it may read: an index entry costs a tenth of a row or less,
    /// and a page may read the range twice (its total, then the page).
    /// </summary>
    public const int ListedPerRow = 4;

    /// <summary>Up to how many index entries the read lists.</summary>
    public int Listed => Rows * ListedPerRow;

    private string ListedEntries =>
        $"SELECT id AS listed_id, updated_at AS listed_at, record_key AS listed_key, {Filter.ListedCondition(Driver)} AS listed_hit FROM journal_entries INDEXED BY {Driver.Index} WHERE {Driving} {Order} LIMIT @listed";

    /// <summary>
    /// The matches in the read's order as <c>SELECT {columns} FROM … WHERE …</c>, without a limit: <paramref name="columns"/>
    /// may name the entry's columns, or <c>listed_at</c> (its change time) alone, which a read without free text takes
    /// off the index.
    /// </summary>
    public string Matches(string columns) => Filter.TextCondition is { } text
        ? $"SELECT {columns} FROM (SELECT listed_id, listed_at FROM ({ListedEntries}) WHERE listed_hit LIMIT @rows) CROSS JOIN journal_entries ON id = listed_id WHERE {text}"
        : columns == "listed_at"
            ? $"SELECT listed_at FROM ({ListedEntries}) WHERE listed_hit"
            : $"SELECT {columns} FROM ({ListedEntries}) CROSS JOIN journal_entries ON id = listed_id WHERE listed_hit";

    /// <summary>
    /// With free text, one pass over the rows read for it: how many were read, how many hold the text, and the change
    /// time of the last one read (<c>COUNT</c>, <c>SUM</c>, <c>MIN</c>). Counting every row read rather than stopping at
    /// the exact-total limit costs at most the row bound, and tells in the same pass whether that bound was reached.
    /// </summary>
    public string TextTally => Filter.TextCondition is { } text
        ? $"SELECT COUNT(*), COALESCE(SUM({text}), 0), MIN(listed_at) FROM (SELECT listed_id, listed_at FROM ({ListedEntries}) WHERE listed_hit LIMIT @rows) CROSS JOIN journal_entries ON id = listed_id"
        : throw new InvalidOperationException("The filter has no free text.");

    /// <summary>Binds the read's bounds to a command of <see cref="Matches"/>.</summary>
    public SqliteCommand BindBounds(SqliteCommand command) => command.With("@listed", Listed).With("@rows", Rows);

    /// <summary>
    /// The position of the last entry the read took, when a bound stopped it before the index range ended: the last
    /// row read for free text when that bound came first, otherwise the last entry listed when another follows; off the
    /// index alone.
    /// </summary>
    /// <param name="db">The connection.</param>
    /// <param name="snapshot">The read transaction.</param>
    /// <param name="bind">Binds the filter's parameters and any start position.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position, or <see langword="null"/> when the read covered the whole range.</returns>
    public async Task<JournalPosition?> StoppedAfterAsync(SqliteConnection db, SqliteTransaction snapshot, Func<SqliteCommand, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        if (Filter.TextCondition is not null)
        {
            // Every entry listed is read for the text when nothing else narrows them: the index alone then says where.
            var lastRowSql = Filter.ListedCondition(Driver) == "1"
                ? $"SELECT updated_at, record_key FROM journal_entries INDEXED BY {Driver.Index} WHERE {Driving} {Order} LIMIT 1 OFFSET @rows - 1;"
                : $"SELECT listed_at, listed_key FROM ({ListedEntries}) WHERE listed_hit LIMIT 1 OFFSET @rows - 1;";
            await using var lastRow = BindBounds(bind(db.Command(snapshot, lastRowSql)));
            await using var reader = await lastRow.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new JournalPosition(reader.GetInstant(0), reader.GetString(1));
            }
        }

        return await ListedPastTheEndAsync(db, snapshot, bind, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The position of the last entry listed, when the listing bound stopped the read and another entry follows; off the index alone.</summary>
    /// <param name="db">The connection.</param>
    /// <param name="snapshot">The read transaction.</param>
    /// <param name="bind">Binds the filter's parameters and any start position.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position, or <see langword="null"/> when the listing covered the whole range.</returns>
    public async Task<JournalPosition?> ListedPastTheEndAsync(SqliteConnection db, SqliteTransaction snapshot, Func<SqliteCommand, SqliteCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        await using var edge = BindBounds(bind(db.Command(snapshot, $"SELECT updated_at, record_key FROM journal_entries INDEXED BY {Driver.Index} WHERE {Driving} {Order} LIMIT 2 OFFSET @listed - 1;")));
        await using var edgeReader = await edge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await edgeReader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var last = new JournalPosition(edgeReader.GetInstant(0), edgeReader.GetString(1));
        return await edgeReader.ReadAsync(cancellationToken).ConfigureAwait(false) ? last : null;
    }
}
