namespace Connect.Sdk.Kaufland.Wire;

/// <summary>The <c>pagination</c> envelope of a list: the offset and limit asked for and the total the filter matches.</summary>
/// <param name="Offset">The offset of the page.</param>
/// <param name="Limit">The page size.</param>
/// <param name="Total">How many items the filter matches.</param>
internal sealed record KauflandPaginationJson(int Offset, int Limit, int Total);
