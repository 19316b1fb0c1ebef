using Connect.Sdk.Otto.Wire;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// OTTO lists every piece of an order as a position item of its own; the ERP books lines with quantities. Pieces of one
/// SKU at one price and discount form one line, in the order OTTO lists them, and the line is known by its first piece's
/// <c>positionItemId</c>: that id stays the line's whatever later happens to the pieces (sent, returned, cancelled), so a
/// shipment the ERP reports for the line finds its pieces again.
/// </summary>
internal static class PositionItemLines
{
    /// <summary>The order's pieces as lines.</summary>
    /// <param name="items">The position items, as OTTO lists them.</param>
    /// <returns>One group per line, its pieces in OTTO's order; the line id is the first piece's id.</returns>
    public static IReadOnlyList<PositionItemLine> Of(IEnumerable<OttoPositionItemJson> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items
            .GroupBy(i => (i.Product.Sku, i.ItemValueGrossPrice.Amount, i.ItemValueGrossPrice.Currency, Discount: i.ItemValueDiscount?.Amount))
            .Select(g => new PositionItemLine(g.First().PositionItemId, g.ToArray()))
            .ToArray();
    }

    /// <summary>Whether a piece is cancelled (by the partner or by OTTO) and so not part of the line's quantity.</summary>
    /// <param name="item">The piece.</param>
    /// <returns>Whether it is cancelled.</returns>
    public static bool IsCancelled(OttoPositionItemJson item) =>
        item.FulfillmentStatus.StartsWith("CANCELLED", StringComparison.Ordinal);
}
