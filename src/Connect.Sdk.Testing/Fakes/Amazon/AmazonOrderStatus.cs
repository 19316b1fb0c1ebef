using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Fakes.Amazon;

/// <summary>How the Amazon fake maps the Orders API's <c>OrderStatus</c> onto the SDK's <see cref="OrderStatus"/> and back.</summary>
/// <remarks>
/// <c>Pending</c>, <c>PendingAvailability</c> and <c>InvoiceUnconfirmed</c> (not yet payable or shippable) read as
/// <see cref="OrderStatus.Pending"/>; <c>Unshipped</c> (ready to ship) as <see cref="OrderStatus.Open"/>;
/// <c>PartiallyShipped</c>, <c>Shipped</c> and <c>Canceled</c> as their SDK namesakes; <c>Unfulfillable</c> keeps
/// its own word. Only <c>Unshipped</c> and <c>PartiallyShipped</c> accept a shipment confirmation.
/// </remarks>
public static class AmazonOrderStatus
{
    /// <summary>Every <c>OrderStatus</c> value the Orders API v0 documents.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["Pending", "Unshipped", "PartiallyShipped", "Shipped", "Canceled", "Unfulfillable", "InvoiceUnconfirmed", "PendingAvailability"];

    /// <summary>The SDK status of an Amazon status.</summary>
    /// <param name="amazonStatus">An Amazon status such as <c>Unshipped</c>.</param>
    /// <returns>The SDK status.</returns>
    public static OrderStatus ToSdk(string amazonStatus) => amazonStatus switch
    {
        "Pending" or "PendingAvailability" or "InvoiceUnconfirmed" => OrderStatus.Pending,
        "Unshipped" => OrderStatus.Open,
        "PartiallyShipped" => OrderStatus.PartiallyShipped,
        "Shipped" => OrderStatus.Shipped,
        "Canceled" => OrderStatus.Cancelled,
        _ => new OrderStatus(amazonStatus),
    };

    /// <summary>The Amazon status a seeded order with an SDK status gets.</summary>
    /// <param name="status">The SDK status.</param>
    /// <returns>An Amazon status; <c>Unshipped</c> for a status Amazon has no word for.</returns>
    public static string FromSdk(OrderStatus status)
    {
        if (status == OrderStatus.Pending)
        {
            return "Pending";
        }

        if (status == OrderStatus.PartiallyShipped)
        {
            return "PartiallyShipped";
        }

        if (status == OrderStatus.Shipped || status == OrderStatus.Completed)
        {
            return "Shipped";
        }

        if (status == OrderStatus.Cancelled)
        {
            return "Canceled";
        }

        return All.FirstOrDefault(s => string.Equals(s, status.Value, StringComparison.OrdinalIgnoreCase)) ?? "Unshipped";
    }
}
