using Npgsql;

namespace Connect.Sdk.Storage.PostgreSql;

/// <summary>One keyset-paged query: the first page, the pages after a key, and how to read a page's rows.</summary>
/// <typeparam name="TRow">What a row becomes.</typeparam>
/// <typeparam name="TKey">The ordering key a next page starts after.</typeparam>
internal sealed record PostgreSqlKeysetQuery<TRow, TKey>
{
    /// <summary>The first page's SQL, with <c>@limit</c>.</summary>
    public required string FirstPage { get; init; }

    /// <summary>A later page's SQL, with <c>@limit</c> and the parameters <see cref="BindAfter"/> binds.</summary>
    public required string NextPage { get; init; }

    /// <summary>Binds the parameters every page shares (filters).</summary>
    public Action<NpgsqlCommand>? Bind { get; init; }

    /// <summary>Binds the key the next page starts after.</summary>
    public required Action<NpgsqlCommand, TKey> BindAfter { get; init; }

    /// <summary>Reads a page's rows.</summary>
    public required Func<NpgsqlCommand, CancellationToken, ValueTask<List<TRow>>> Read { get; init; }

    /// <summary>The key of a row.</summary>
    public required Func<TRow, TKey> KeyOf { get; init; }

    /// <summary>Rows per page.</summary>
    public int PageSize { get; init; } = PostgreSqlKeysetPages.PageSize;
}
