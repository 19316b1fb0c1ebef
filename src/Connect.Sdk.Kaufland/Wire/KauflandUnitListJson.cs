namespace Connect.Sdk.Kaufland.Wire;

/// <summary>A page of <c>GET /units</c>.</summary>
/// <param name="Data">The units.</param>
/// <param name="Pagination">The page's place in the list.</param>
internal sealed record KauflandUnitListJson(IReadOnlyList<KauflandUnitJson?> Data, KauflandPaginationJson? Pagination);
