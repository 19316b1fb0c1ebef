using Connect.Sdk.Orders;

namespace Connect.Sdk.Amazon.Orders;

/// <summary>
/// Amazon's <c>OrderStatus</c> in the SDK's words. <c>Unshipped</c> (paid, ready to ship) is <see cref="OrderStatus.Open"/>;
/// <c>Pending</c>, <c>PendingAvailability</c> and <c>InvoiceUnconfirmed</c> are <see cref="OrderStatus.Pending"/>;
/// <c>PartiallyShipped</c>, <c>Shipped</c> and <c>Canceled</c> their SDK namesakes; <c>Unfulfillable</c> keeps its own word.
/// </summary>
internal static class AmazonOrderStatuses
{
    /// <summary>The SDK status of an Amazon status.</summary>
    /// <param name="amazonStatus">E.g. <c>Unshipped</c>.</param>
    /// <returns>The SDK status.</returns>
    public static OrderStatus ToSdk(string amazonStatus) => amazonStatus switch
    {
        "Unshipped" => OrderStatus.Open,
        "Pending" or "PendingAvailability" or "InvoiceUnconfirmed" => OrderStatus.Pending,
        "PartiallyShipped" => OrderStatus.PartiallyShipped,
        "Shipped" => OrderStatus.Shipped,
        "Canceled" => OrderStatus.Cancelled,
        _ => new OrderStatus(amazonStatus),
    };

    /// <summary>
    /// Whether Amazon still withholds the order's prices: a <c>Pending</c> order is not paid yet, and Amazon leaves
    /// out its amounts. Such orders are not imported; they come back when they turn <c>Unshipped</c>.
    /// </summary>
    /// <param name="amazonStatus">The Amazon status.</param>
    /// <returns>Whether the order is not ready to import.</returns>
    public static bool IsAwaitingPayment(string amazonStatus) => amazonStatus is "Pending" or "PendingAvailability";

    /// <summary>Whether Amazon accepts a shipment confirmation for an order in this status.</summary>
    /// <param name="amazonStatus">The Amazon status.</param>
    /// <returns>True for <c>Unshipped</c> and <c>PartiallyShipped</c>.</returns>
    public static bool IsReadyToShip(string amazonStatus) => amazonStatus is "Unshipped" or "PartiallyShipped";
}
