using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Prices;

/// <summary>One article's price to publish on a marketplace.</summary>
/// <param name="ArticleNumber">The ERP article number (the journal's record key).</param>
/// <param name="ForeignNumber">The marketplace's identifier of the article on this connection.</param>
/// <param name="Price">The gross selling price.</param>
public sealed record PriceUpdate(string ArticleNumber, ForeignNumber ForeignNumber, Money Price);
