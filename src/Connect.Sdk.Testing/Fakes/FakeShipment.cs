using Connect.Sdk.Shipments;

namespace Connect.Sdk.Testing.Fakes;

/// <summary>A shipment as a fake marketplace holds it after a connector exported it.</summary>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Carrier">The carrier as the marketplace names it.</param>
/// <param name="Lines">The lines, or parts of lines, the shipment holds.</param>
public sealed record FakeShipment(string TrackingNumber, string Carrier, IReadOnlyList<ShippedLine> Lines);
