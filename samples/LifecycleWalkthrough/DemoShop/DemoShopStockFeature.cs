using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Stock;

namespace LifecycleWalkthrough.DemoShop;

/// <summary>Accepts every stock level; the walkthrough never gets as far as sending one.</summary>
internal sealed class DemoShopStockFeature : IStockFeature
{
    public FeatureKind Kind => FeatureKind.Stock;

    public int MaxBatchSize => 100;

    public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BatchResult.Success(batch.Select(u => u.ArticleNumber)));
}
