namespace Basar.Connector.Wire;

/// <summary>The body of <c>PUT /api/v1/offers/stock</c>: at most <see cref="BasarApi.MaxStockBatch"/> items.</summary>
internal sealed record BasarStockUpdateJson(IReadOnlyList<BasarStockItemJson> Items);
