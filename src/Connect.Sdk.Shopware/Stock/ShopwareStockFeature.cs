using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Shopware.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Shopware.Stock;

/// <summary>
/// Publishes stock: the batch's products found by number in one search, then one sync request
/// <c>[{entity: product, action: upsert, payload: [{id, stock}]}]</c>, indexing left to the shop's default. A record the
/// shop refuses fails alone; a product number the shop does not have fails its record before sending.
/// </summary>
internal sealed class ShopwareStockFeature(ProductDirectory directory, SyncSender sender) : IStockFeature
{
    private readonly ProductWrites<StockUpdate> _writes = new(directory, sender, u => (u.ArticleNumber, u.ForeignNumber, "stock " + u.Quantity.ToString(CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => ShopwareApi.SyncBatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        return await _writes.PushAsync(
            connection,
            batch,
            _ => null,
            (update, product) => (new ProductWriteJson(product.Id, Stock: update.Quantity), null),
            "product.stock.sync",
            cancellationToken).ConfigureAwait(false);
    }
}
