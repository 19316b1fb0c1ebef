using Connect.Sdk;
using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Prices;
using Connect.Sdk.Stock;

namespace ErpHost.Erp;

/// <summary>
/// The ERP side of the sample: articles with a matrix product, their stock, their list prices, an order book in the
/// ERP's own database, and an inbox for alerts. A real ERP implements the same SDK interfaces over its own tables.
/// </summary>
internal sealed class SampleErp(ErpOrderBook orderBook)
{
    public InMemoryArticleCatalog Articles { get; } = new InMemoryArticleCatalog().Add(
        new Article("4711", "Coffee mug", ArticleKind.Simple) { StockSyncEnabled = true },
        new Article("5000", "T-shirt", ArticleKind.MatrixParent) { StockSyncEnabled = true },
        new Article("5000-S", "T-shirt S", ArticleKind.Variant, "5000") { StockSyncEnabled = true },
        new Article("5000-M", "T-shirt M", ArticleKind.Variant, "5000") { StockSyncEnabled = true },
        new Article("5000-L", "T-shirt L", ArticleKind.Variant, "5000") { StockSyncEnabled = true },
        new Article("6100", "Desk lamp", ArticleKind.Simple) { StockSyncEnabled = true });

    public InMemoryStockSource Stock { get; } = new InMemoryStockSource()
        .Set("4711", 12, 3)
        .Set("5000-S", 4)
        .Set("5000-M", 9, 2)
        .Set("5000-L", 0)
        .Set("6100", 25, 5);

    /// <summary>
    /// The list prices, net as the ERP keeps them, at 19 % VAT; the desk lamp has a former price the marketplaces show
    /// struck through. The connections' price rules make the prices the marketplaces show from these.
    /// </summary>
    public InMemoryPriceSource Prices { get; } = new InMemoryPriceSource()
        .Set(NetListPrice("4711", 19.99m))
        .Set(NetListPrice("5000-S", 16.76m))
        .Set(NetListPrice("5000-M", 16.76m))
        .Set(NetListPrice("5000-L", 16.76m))
        .Set(NetListPrice("6100", 41.09m) with { CompareAtAmount = new Money(50.34m, CurrencyCode.Eur) });

    public ErpOrderBook OrderBook { get; } = orderBook;

    public InMemoryAlertSink Inbox { get; } = new();

    /// <summary>An article's net list price in euros at the German standard VAT rate.</summary>
    public static ErpPrice NetListPrice(string articleNumber, decimal net) =>
        new(articleNumber, new Money(net, CurrencyCode.Eur), PriceBasis.Net, VatRatePercent: 19);
}
