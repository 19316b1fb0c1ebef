using System.Globalization;
using Basar.Connector;
using Connect.Sdk.Articles;
using Connect.Sdk.ForeignNumbers;

namespace Connect.Sdk.Scaling.Worker;

/// <summary>The ERP's articles, the same in every process: a few simple articles, each an offer on every connection's Basar.</summary>
internal static class ScalingArticles
{
    public static IReadOnlyList<string> Numbers { get; } =
        Enumerable.Range(1, 5).Select(i => "A-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static InMemoryArticleCatalog Catalog() =>
        new InMemoryArticleCatalog().Add(Numbers.Select(n => new Article(n, "Article " + n, ArticleKind.Simple) { StockSyncEnabled = true }));

    public static ForeignNumber OfferOf(string articleNumber) => new(BasarConnector.OfferIdLabel, "BA-" + articleNumber);
}
