namespace Basar.Connector.Wire;

/// <summary>The outcome of one item of a stock batch: <c>status</c> is <c>ok</c> or <c>failed</c> (then with an error).</summary>
internal sealed record BasarStockItemResultJson(string OfferId, string Status, BasarErrorJson? Error = null);
