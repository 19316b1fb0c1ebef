using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Stock;

/// <summary>One article's stock a run has decided to publish, with the explanation for its journal entry.</summary>
/// <param name="Article">The ERP article.</param>
/// <param name="ForeignNumber">The foreign number it goes out under.</param>
/// <param name="Quantity">The quantity and how the rules arrived at it.</param>
internal sealed record StockSend(Article Article, ForeignNumber ForeignNumber, StockQuantity Quantity) : IArticleSend
{
    public string ArticleNumber => Article.Number;

    public string Value => Quantity.Quantity.ToString(CultureInfo.InvariantCulture);

    public string Explanation => Quantity.Explanation;

    public IReadOnlyList<string> QuotedNumbers => [Value];
}
