namespace Basar.Connector.Wire;

/// <summary>The answer to a stock batch: one result per item, in the order sent.</summary>
internal sealed record BasarStockResultJson(IReadOnlyList<BasarStockItemResultJson> Results);
