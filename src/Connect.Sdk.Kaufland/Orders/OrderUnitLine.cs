using Connect.Sdk.Kaufland.Wire;

namespace Connect.Sdk.Kaufland.Orders;

/// <summary>
/// One line of an ERP order: the order units (pieces) of one offer at one price. Its id is the lowest
/// <c>id_order_unit</c> among them, so it stays the same however the units' statuses change.
/// </summary>
/// <param name="LineId">The line's id.</param>
/// <param name="Units">The order units, lowest id first.</param>
internal sealed record OrderUnitLine(string LineId, IReadOnlyList<KauflandOrderUnitJson> Units)
{
    /// <summary>The order units not cancelled.</summary>
    public IReadOnlyList<KauflandOrderUnitJson> Live => [.. Units.Where(u => u.Status != KauflandApi.Cancelled)];

    /// <summary>Groups an order's units into lines: one per offer and price, in the order of their first unit.</summary>
    /// <param name="units">The order's units.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<OrderUnitLine> Of(IEnumerable<KauflandOrderUnitJson> units) =>
        [.. units
            .GroupBy(u => (u.IdOffer, u.Price))
            .Select(g => g.OrderBy(u => u.IdOrderUnit).ToArray())
            .OrderBy(g => g[0].IdOrderUnit)
            .Select(g => new OrderUnitLine(g[0].IdOrderUnit.ToString(System.Globalization.CultureInfo.InvariantCulture), g))];
}
