namespace Basar.Connector.Wire;

/// <summary>A line, or part of one, in a parcel.</summary>
internal sealed record BasarShipmentLineJson(string LineId, int Quantity);
