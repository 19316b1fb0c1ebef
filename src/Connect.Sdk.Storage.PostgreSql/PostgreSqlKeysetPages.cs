using System.Runtime.CompilerServices;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>
/// Streams a query's rows in keyset pages, each page a short read of its own: a slow consumer holds no connection
/// or snapshot open, and a page never skips or repeats a row because rows were added before it.
/// </summary>
internal static class PostgreSqlKeysetPages
{
    /// <summary>Rows per page unless a query says otherwise.</summary>
    public const int PageSize = 500;

    public static async IAsyncEnumerable<TRow> StreamAsync<TRow, TKey>(
        PostgreSqlDatabase database,
        PostgreSqlKeysetQuery<TRow, TKey> query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        TKey after = default!;
        while (true)
        {
            var page = await database.ReadAsync(
                async (db, snapshot, ct) =>
                {
                    await using var command = db.Command(snapshot, first ? query.FirstPage : query.NextPage).With("limit", query.PageSize);
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
