using Connect.Sdk.Articles;
using Connect.Sdk.ArticleSync;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Prices;

/// <summary>One article's price a run has decided to publish, with the explanation for its journal entry.</summary>
/// <param name="Article">The ERP article.</param>
/// <param name="ForeignNumber">The foreign number it goes out under.</param>
/// <param name="Quote">The price, the compare-at price and how the rules arrived at them.</param>
internal sealed record PriceSend(Article Article, ForeignNumber ForeignNumber, PriceQuote Quote) : IArticleSend
{
    public string ArticleNumber => Article.Number;

    public string Value => PriceCalculation.Format(Quote.Price);

    public string Explanation => Quote.Explanation;

    public IReadOnlyList<string> QuotedNumbers => Quote.CompareAtPrice is { } compareAt
        ? [PriceCalculation.FormatAmount(Quote.Price), PriceCalculation.FormatAmount(compareAt)]
        : [PriceCalculation.FormatAmount(Quote.Price)];

    public PriceUpdate ToUpdate() => new(ArticleNumber, ForeignNumber, Quote.Price, Quote.CompareAtPrice) { Basis = Quote.Basis };
}
