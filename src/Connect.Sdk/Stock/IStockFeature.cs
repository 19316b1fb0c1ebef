using Connect.Sdk.Connectors;
using Connect.Sdk.Features;

namespace Connect.Sdk.Stock;

/// <summary>A connector's stock feature: publishes stock levels on the marketplace.</summary>
public interface IStockFeature : IFeature
{
    /// <summary>The largest batch the marketplace accepts in one call; the SDK never sends more.</summary>
    int MaxBatchSize { get; }

    /// <summary>Publishes a batch of stock levels.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="batch">At most <see cref="MaxBatchSize"/> updates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per update, keyed by <see cref="StockUpdate.ArticleNumber"/>.</returns>
    ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken);
}
