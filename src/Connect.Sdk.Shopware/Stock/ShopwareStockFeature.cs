using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Shopware.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Shopware.Stock;

/// <summary>
/// Publishes stock: the batch's products found by number in one search, then one sync request
/// <c>{entity: product, action: upsert, payload: [{id, stock}]}</c> with <c>indexing-behavior</c> left to the shop.
/// A record the shop refuses fails alone; a product number the shop does not have fails its record before sending.
/// </summary>
internal sealed class ShopwareStockFeature(ProductDirectory directory, SyncSender sender) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => ShopwareApi.SyncBatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var numbers = batch.Select(u => ProductDirectory.ProductNumberOf(u.ForeignNumber)).OfType<string>().ToArray();
        var products = await directory.FindAsync(connection, numbers, cancellationToken).ConfigureAwait(false);
        var writes = new List<(int, ProductWriteJson)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            if (ProductDirectory.ProductNumberOf(update.ForeignNumber) is not { } number)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, ProductDirectory.WrongLabel(update.ArticleNumber, update.ForeignNumber));
            }
            else if (!products.TryGetValue(number, out var product))
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber}: Shopware has no product or variant with product number {number}.");
            }
            else
            {
                writes.Add((i, new ProductWriteJson(product.Id, Stock: update.Quantity)));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var failures = await sender.SendAsync(connection, writes, "product.stock.sync", cancellationToken).ConfigureAwait(false);
        foreach (var (index, _) in writes)
        {
            var update = batch[index];
            results[index] = failures.TryGetValue(index, out var failure)
                ? RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (product number {update.ForeignNumber.Value}): stock {update.Quantity} not written: {failure}")
                : RecordResult.Success(update.ArticleNumber);
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }
}
