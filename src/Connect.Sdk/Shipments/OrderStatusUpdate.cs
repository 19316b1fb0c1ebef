using Connect.Sdk.Orders;

namespace Connect.Sdk.Shipments;

/// <summary>An order's status and shipments to export to the marketplace ("Auftragsstatus &amp; Tracking").</summary>
/// <param name="OrderNumber">The marketplace order number (the journal's record key).</param>
/// <param name="MarketplaceOrderId">The marketplace's internal id of the order.</param>
/// <param name="Status">The status to report.</param>
/// <param name="Shipments">Every shipment of the order so far; more than one for partial shipments.</param>
public sealed record OrderStatusUpdate(string OrderNumber, string MarketplaceOrderId, OrderStatus Status, IReadOnlyList<Shipment> Shipments);
