using Connect.Sdk.Orders;

namespace Connect.Sdk.Testing.Fakes.WooCommerce;

/// <summary>
/// How the WooCommerce fake maps WooCommerce's order statuses onto the SDK's <see cref="OrderStatus"/> and back.
/// </summary>
/// <remarks>
/// WooCommerce has no "shipped": a connector marks an order shipped by setting <c>completed</c> ("fulfilled,
/// no further action"), so <c>completed</c> reads as <see cref="OrderStatus.Completed"/> (shipped and closed).
/// <c>pending</c> and <c>on-hold</c> (awaiting payment) read as <see cref="OrderStatus.Pending"/>,
/// <c>processing</c> (paid, to be shipped) as <see cref="OrderStatus.Open"/>, <c>cancelled</c> and <c>trash</c>
/// as <see cref="OrderStatus.Cancelled"/>; <c>refunded</c> and <c>failed</c> keep their own words.
/// </remarks>
public static class WooCommerceOrderStatus
{
    /// <summary>Every status WooCommerce accepts on an order.</summary>
    public static IReadOnlyList<string> All { get; } = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash"];

    /// <summary>The SDK status of a WooCommerce status.</summary>
    /// <param name="wooStatus">A WooCommerce status such as <c>processing</c>.</param>
    /// <returns>The SDK status.</returns>
    public static OrderStatus ToSdk(string wooStatus) => wooStatus switch
    {
        "pending" or "on-hold" => OrderStatus.Pending,
        "processing" => OrderStatus.Open,
        "completed" => OrderStatus.Completed,
        "cancelled" or "trash" => OrderStatus.Cancelled,
        _ => new OrderStatus(wooStatus),
    };

    /// <summary>The WooCommerce status a seeded order with an SDK status gets.</summary>
    /// <param name="status">The SDK status.</param>
    /// <returns>A WooCommerce status; <c>processing</c> for a status WooCommerce has no word for.</returns>
    public static string FromSdk(OrderStatus status)
    {
        if (status == OrderStatus.Pending)
        {
            return "pending";
        }

        if (status == OrderStatus.Shipped || status == OrderStatus.Completed)
        {
            return "completed";
        }

        if (status == OrderStatus.Cancelled)
        {
            return "cancelled";
        }

        return All.Contains(status.Value) ? status.Value : "processing";
    }
}
