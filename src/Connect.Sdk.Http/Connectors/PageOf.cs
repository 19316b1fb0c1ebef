namespace Connect.Sdk.Http;

/// <summary>One page of a marketplace's list as the connector read it.</summary>
/// <typeparam name="T">The marketplace's shape of an item.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="Next">Where the next page is (a cursor, an offset, a URI), or <see langword="null"/> on the last page.</param>
public sealed record PageOf<T>(IReadOnlyList<T> Items, string? Next);
