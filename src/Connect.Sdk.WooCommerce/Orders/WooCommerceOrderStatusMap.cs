using Connect.Sdk.Orders;

namespace Connect.Sdk.WooCommerce.Orders;

/// <summary>
/// WooCommerce's order statuses in the SDK's vocabulary. WooCommerce has no "shipped": <c>processing</c> (paid, to be
/// fulfilled) reads <see cref="OrderStatus.Open"/>, <c>completed</c> (fulfilled, no further action)
/// <see cref="OrderStatus.Completed"/>, <c>pending</c> and <c>on-hold</c> (awaiting payment)
/// <see cref="OrderStatus.Pending"/>, <c>cancelled</c> and <c>trash</c> <see cref="OrderStatus.Cancelled"/>; others
/// (<c>refunded</c>, <c>failed</c>, a plugin's own) keep their word.
/// </summary>
internal static class WooCommerceOrderStatusMap
{
    /// <summary>The SDK status of a WooCommerce status.</summary>
    /// <param name="status">The WooCommerce status.</param>
    /// <returns>The SDK status.</returns>
    /// <exception cref="ArgumentException">The status is empty.</exception>
    public static OrderStatus ToSdk(string status) => status switch
    {
        "pending" or "on-hold" => OrderStatus.Pending,
        "processing" => OrderStatus.Open,
        "completed" => OrderStatus.Completed,
        "cancelled" or "trash" => OrderStatus.Cancelled,
        _ => new OrderStatus(status),
    };
}
