using Microsoft.Data.Sqlite;

namespace Connect.Sdk.Storage.Sqlite;

/// <summary>
/// One keyset-paged query for <see cref="SqliteKeysetPages"/>: the statement of the first page and of every later
/// page, how to bind them, how to read a page's rows and which key of a row the next page starts after.
/// </summary>
/// <typeparam name="TRow">A row as the stream yields it.</typeparam>
/// <typeparam name="TKey">The ordering key of a row, as stored.</typeparam>
internal sealed record SqliteKeysetQuery<TRow, TKey>
{
    /// <summary>The statement of the first page: the query's order, then <c>LIMIT $limit</c>.</summary>
    public required string FirstPage { get; init; }

    /// <summary>The statement of every later page: as <see cref="FirstPage"/>, with a WHERE term for the rows after the bound key.</summary>
    public required string NextPage { get; init; }

    /// <summary>Binds the query's own parameters, on every page.</summary>
    public Action<SqliteCommand>? Bind { get; init; }

    /// <summary>Binds the key of the last row of the page before, on every page but the first.</summary>
    public required Action<SqliteCommand, TKey> BindAfter { get; init; }

    /// <summary>Reads a page's rows from its command.</summary>
    public required Func<SqliteCommand, CancellationToken, ValueTask<List<TRow>>> Read { get; init; }

    /// <summary>A row's ordering key.</summary>
    public required Func<TRow, TKey> KeyOf { get; init; }

    /// <summary>The rows per page; a shorter page is the last.</summary>
    public int PageSize { get; init; } = SqliteKeysetPages.PageSize;

    /// <summary>
    /// Whether a page runs in a read transaction of its own, for a <see cref="Read"/> that runs more statements
    /// than the page's (such as a journal entry's history), so they all see the same snapshot.
    /// </summary>
    public bool InSnapshot { get; init; }
}
