namespace Connect.Sdk.Shipments;

/// <summary>An order line, or part of it, that left the warehouse in a shipment.</summary>
/// <param name="LineId">The marketplace's line id (<see cref="Orders.OrderLine.LineId"/>).</param>
/// <param name="Quantity">How many units of the line this shipment holds; at least one.</param>
public sealed record ShippedLine(string LineId, int Quantity);
