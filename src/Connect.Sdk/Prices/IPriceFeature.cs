using Connect.Sdk.Connectors;
using Connect.Sdk.Features;

namespace Connect.Sdk.Prices;

/// <summary>A connector's price feature: publishes prices on the marketplace.</summary>
public interface IPriceFeature : IFeature
{
    /// <summary>The largest batch the marketplace accepts in one call.</summary>
    int MaxBatchSize { get; }

    /// <summary>Publishes a batch of prices.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="batch">At most <see cref="MaxBatchSize"/> updates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per update, keyed by <see cref="PriceUpdate.ArticleNumber"/>.</returns>
    ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken);
}
