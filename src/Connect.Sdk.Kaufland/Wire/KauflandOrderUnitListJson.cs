namespace Connect.Sdk.Kaufland.Wire;

/// <summary>A page of <c>GET /order-units</c>: only which orders the changed units belong to is read from it.</summary>
/// <param name="Data">The order units.</param>
/// <param name="Pagination">The page's place in the list.</param>
internal sealed record KauflandOrderUnitListJson(IReadOnlyList<KauflandOrderUnitRefJson?> Data, KauflandPaginationJson? Pagination);
