using Connect.Sdk.Shipments;

namespace Connect.Sdk.Http;

/// <summary>
/// What a status export still has to send: the SDK exports an order's status again after a failure or a restart,
/// and a marketplace that adds a parcel per call (a shipment, a tracking note) must not get one twice.
/// </summary>
public static class UnsentShipments
{
    /// <summary>The update's shipments whose tracking number the marketplace does not hold yet, in the update's order.</summary>
    /// <param name="update">The status update.</param>
    /// <param name="sentTrackingNumbers">The tracking numbers the marketplace already holds for the order, as read from it.</param>
    /// <returns>The shipments to send.</returns>
    public static IReadOnlyList<Shipment> Of(OrderStatusUpdate update, IEnumerable<string?> sentTrackingNumbers)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(sentTrackingNumbers);
        var sent = sentTrackingNumbers.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Of(update, s => sent.Contains(s.TrackingNumber));
    }

    /// <summary>
    /// The update's shipments the marketplace does not hold yet, in the update's order, for a marketplace whose record of
    /// a parcel is recognised by more than its tracking number (WooCommerce's tracking note names the ERP's shipment id,
    /// so two parcels under one number are told apart).
    /// </summary>
    /// <param name="update">The status update.</param>
    /// <param name="held">Whether the marketplace already holds a shipment, as read from it.</param>
    /// <returns>The shipments to send.</returns>
    public static IReadOnlyList<Shipment> Of(OrderStatusUpdate update, Func<Shipment, bool> held)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(held);
        return [.. update.Shipments.Where(s => !held(s))];
    }
}
