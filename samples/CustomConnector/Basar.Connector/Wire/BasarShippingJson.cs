namespace Basar.Connector.Wire;

/// <summary>The shipping charge of a Basar order and the tax in it.</summary>
internal sealed record BasarShippingJson(string Cost, string? Tax = null);
