using Connect.Sdk.Orders;
using Connect.Sdk.Otto.Wire;

namespace Connect.Sdk.Otto.Orders;

/// <summary>
/// An order's status read from its pieces' <c>fulfillmentStatus</c>: any piece <c>ANNOUNCED</c> (prepayment not yet
/// received; OTTO says it must not be shipped) is pending, every piece cancelled is cancelled, every piece left sent or
/// returned is shipped, some is partially shipped, otherwise open.
/// </summary>
internal static class OttoOrderStatuses
{
    /// <summary>The status of an order with these pieces.</summary>
    /// <param name="items">The pieces.</param>
    /// <returns>The status.</returns>
    public static OrderStatus Of(IReadOnlyCollection<OttoPositionItemJson> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Any(i => i.FulfillmentStatus == "ANNOUNCED"))
        {
            return OrderStatus.Pending;
        }

        var cancelled = items.Count(PositionItemLines.IsCancelled);
        if (cancelled == items.Count)
        {
            return OrderStatus.Cancelled;
        }

        var sent = items.Count(i => i.FulfillmentStatus is "SENT" or "RETURNED");
        return sent == 0 ? OrderStatus.Open : sent + cancelled == items.Count ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
    }
}
