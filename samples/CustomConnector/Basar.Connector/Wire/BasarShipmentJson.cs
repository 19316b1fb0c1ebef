namespace Basar.Connector.Wire;

/// <summary>A parcel of an order: sent as the body of <c>POST /orders/{number}/shipments</c>, and listed in the order.</summary>
internal sealed record BasarShipmentJson(string Carrier, string TrackingNumber, IReadOnlyList<BasarShipmentLineJson> Lines);
