using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;

namespace LifecycleWalkthrough.Erp;

/// <summary>The ERP side of the sample: a few articles with a matrix product, stock, an order book and an inbox.</summary>
internal sealed class SampleErp : IStockSource, IOrderSink, IAlertSink
{
    public InMemoryArticleCatalog Articles { get; } = new InMemoryArticleCatalog().Add(
        new Article("4711", "Coffee mug", ArticleKind.Simple) { StockSyncEnabled = true },
        new Article("5000", "T-shirt", ArticleKind.MatrixParent) { StockSyncEnabled = true },
        new Article("5000-S", "T-shirt S", ArticleKind.Variant, "5000") { StockSyncEnabled = true },
        new Article("5000-M", "T-shirt M", ArticleKind.Variant, "5000") { StockSyncEnabled = true });

    public ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StockLevel>>(articleNumbers.Select(n => new StockLevel(n, 12, 3)).ToArray());

    public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ErpOrderReference($"ERP-{handOver.Order.OrderNumber}"));

    public ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
