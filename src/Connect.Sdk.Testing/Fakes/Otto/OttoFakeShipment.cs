using NodaTime;

namespace Connect.Sdk.Testing.Fakes.Otto;

/// <summary>A shipment the OTTO fake received at <c>POST /v1/shipments</c>, as received.</summary>
internal sealed record OttoFakeShipment(string ShipmentId, string Carrier, string TrackingNumber, Instant ShipDate, IReadOnlyList<(string PositionItemId, string SalesOrderId)> PositionItems);
