using System.Runtime.CompilerServices;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// Streams a long list page by page, each page its own short read after the key of the last row of the one before:
/// a long list never sits in memory at once nor holds a read (and with it a WAL snapshot that stops checkpoints)
/// open, and rows that leave the list meanwhile (handed over, exported) simply drop out. Every paged list of the
/// SQLite stores goes through here.
/// </summary>
/// <remarks>
/// The pages are not one snapshot: a row whose key changes while the stream runs can move from a page not read yet
/// to one already read (and is missed) or the other way (and comes again). The pending lists, ordered by a change
/// time, are capped and yield each order at most once; see <see cref="Relational.PendingPages"/>.
/// </remarks>
internal static class SqliteKeysetPages
{
    /// <summary>The default rows per page.</summary>
    public const int PageSize = 500;

    /// <summary>Streams the rows of a keyset-paged query.</summary>
    /// <typeparam name="TRow">A row as the stream yields it.</typeparam>
    /// <typeparam name="TKey">The ordering key of a row.</typeparam>
    /// <param name="database">The database.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    public static async IAsyncEnumerable<TRow> StreamAsync<TRow, TKey>(
        SqliteDatabase database,
        SqliteKeysetQuery<TRow, TKey> query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        TKey after = default!;
        while (true)
        {
            var page = await database.ReadAsync(
                async (db, ct) =>
                {
                    await using var snapshot = query.InSnapshot ? db.BeginTransaction(deferred: true) : null;
                    await using var command = db.Command(snapshot, first ? query.FirstPage : query.NextPage).With("$limit", query.PageSize);
                    query.Bind?.Invoke(command);
                    if (!first)
                    {
                        query.BindAfter(command, after);
                    }

                    return await query.Read(command, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }

            if (page.Count < query.PageSize)
            {
                yield break;
            }

            after = query.KeyOf(page[^1]);
            first = false;
        }
    }
}
