using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Streams a long list (pending orders, pending status changes) page by page, each page its own short read after
/// the last row of the one before: a backlog never sits in memory at once nor holds a read open, and rows that
/// leave the list meanwhile (handed over, exported) simply drop out.
/// </summary>
internal static class SqliteKeysetPages
{
    public const int PageSize = 500;

    /// <summary>Streams the rows of a query ordered by an instant column and a text column.</summary>
    /// <param name="database">The database.</param>
    /// <param name="sql">
    /// The query: its WHERE has <c>(instant, text) &gt; ($ticks, $text)</c>, its ORDER BY the same pair, then
    /// <c>LIMIT $limit</c>.
    /// </param>
    /// <param name="bind">Binds the query's own parameters.</param>
    /// <param name="read">Reads a page's rows.</param>
    /// <param name="keyOf">A row's ordering pair, as stored.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        SqliteDatabase database,
        string sql,
        Action<SqliteCommand> bind,
        Func<SqliteCommand, CancellationToken, ValueTask<List<T>>> read,
        Func<T, (long Ticks, string Text)> keyOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every stored instant is greater than long.MinValue ticks, so the first page starts at the beginning.
        (long Ticks, string Text) after = (long.MinValue, string.Empty);
        while (true)
        {
            var page = await database.ReadAsync(
                async (db, ct) =>
                {
                    await using var command = db.Command(null, sql).With("$ticks", after.Ticks).With("$text", after.Text).With("$limit", PageSize);
                    bind(command);
                    return await read(command, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
                after = keyOf(row);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }
}
