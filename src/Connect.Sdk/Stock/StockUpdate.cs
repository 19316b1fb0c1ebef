using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Stock;

/// <summary>One article's stock to publish on a marketplace.</summary>
/// <param name="ArticleNumber">The ERP article number (the journal's record key).</param>
/// <param name="ForeignNumber">The marketplace's identifier of the article on this connection.</param>
/// <param name="Quantity">The quantity to publish: whole units, never negative.</param>
public sealed record StockUpdate(string ArticleNumber, ForeignNumber ForeignNumber, int Quantity);
