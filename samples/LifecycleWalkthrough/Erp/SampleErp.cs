using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;

namespace LifecycleWalkthrough.Erp;

/// <summary>
/// The ERP side of the sample: a few articles with a matrix product, their stock, an order book and an
/// inbox for alerts. A real ERP implements the same interfaces over its own database.
/// </summary>
internal sealed class SampleErp
{
    public InMemoryArticleCatalog Articles { get; } = new InMemoryArticleCatalog().Add(
        new Article("4711", "Coffee mug", ArticleKind.Simple) { StockSyncEnabled = true },
        new Article("5000", "T-shirt", ArticleKind.MatrixParent) { StockSyncEnabled = true },
        new Article("5000-S", "T-shirt S", ArticleKind.Variant, "5000") { StockSyncEnabled = true },
        new Article("5000-M", "T-shirt M", ArticleKind.Variant, "5000") { StockSyncEnabled = true });

    public InMemoryStockSource Stock { get; } = new InMemoryStockSource().Set("4711", 12, 3).Set("5000-S", 4).Set("5000-M", 9, 2);

    public InMemoryOrderSink OrderBook { get; } = new();

    public InMemoryAlertSink Inbox { get; } = new();
}
