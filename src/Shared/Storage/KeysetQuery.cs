using System.Data.Common;

namespace Connect.Sdk.Storage.Relational;

/// <summary>
/// One keyset-paged query of the shared stores: the statement of the first page and of every later page (both end in
/// <c>LIMIT @limit</c>), how to bind them, how to read a page's rows and which key of a row the next page starts after.
/// </summary>
/// <typeparam name="TRow">A row as the stream yields it.</typeparam>
/// <typeparam name="TKey">The ordering key of a row, as stored.</typeparam>
internal sealed record KeysetQuery<TRow, TKey>
{
    /// <summary>The rows per page unless a query says otherwise.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>The statement of the first page.</summary>
    public required string FirstPage { get; init; }

    /// <summary>The statement of every later page, with a WHERE term for the rows after the bound key.</summary>
    public required string NextPage { get; init; }

    /// <summary>Binds the query's own parameters, on every page.</summary>
    public Action<DbCommand>? Bind { get; init; }

    /// <summary>Binds the key of the last row of the page before, on every page but the first.</summary>
    public required Action<DbCommand, TKey> BindAfter { get; init; }

    /// <summary>Reads a page's rows from its command.</summary>
    public required Func<DbCommand, CancellationToken, ValueTask<List<TRow>>> Read { get; init; }

    /// <summary>A row's ordering key.</summary>
    public required Func<TRow, TKey> KeyOf { get; init; }

    /// <summary>The rows per page; a shorter page is the last.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
