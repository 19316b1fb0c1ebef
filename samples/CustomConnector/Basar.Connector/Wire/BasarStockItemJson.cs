namespace Basar.Connector.Wire;

/// <summary>One offer's new stock level.</summary>
internal sealed record BasarStockItemJson(string OfferId, int Quantity);
