using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Stock;

namespace ErpHost.Erp;

/// <summary>
/// The ERP side of the sample: articles with a matrix product, their stock, an order book in the ERP's own
/// database, and an inbox for alerts. A real ERP implements the same SDK interfaces over its own tables.
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

    public ErpOrderBook OrderBook { get; } = orderBook;

    public InMemoryAlertSink Inbox { get; } = new();
}
