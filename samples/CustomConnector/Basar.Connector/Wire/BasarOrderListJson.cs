namespace Basar.Connector.Wire;

/// <summary>One page of <c>GET /api/v1/orders</c>; <c>nextCursor</c> is null on the last page.</summary>
/// <remarks>
/// The orders stay raw here and are read one by one, so that one order Basar sends incomplete is reported as
/// unreadable while the rest of the page is imported.
/// </remarks>
internal sealed record BasarOrderListJson(IReadOnlyList<JsonElement> Orders, string? NextCursor = null);
