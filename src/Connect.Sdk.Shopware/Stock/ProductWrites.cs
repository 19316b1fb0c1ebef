using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Stock;

/// <summary>
/// What stock and prices share: the batch's products found by number in one search, a record without a product (or one
/// the feature refuses) failed before sending, the others written in one sync request, each answered alone.
/// </summary>
/// <typeparam name="T">The feature's update, a <c>StockUpdate</c> or a <c>PriceUpdate</c>.</typeparam>
/// <param name="directory">Finds the products.</param>
/// <param name="sender">Sends the writes.</param>
/// <param name="record">The update's article number, foreign number and what it writes, e.g. <c>stock 7</c>.</param>
internal sealed class ProductWrites<T>(ProductDirectory directory, SyncSender sender, Func<T, (string Article, ForeignNumber ForeignNumber, string What)> record)
{
    /// <summary>Writes the batch.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="batch">The updates.</param>
    /// <param name="refusal">Why an update is refused before its product is looked up (another currency, say), or <see langword="null"/>.</param>
    /// <param name="write">The product's write, or why the update is refused for this product.</param>
    /// <param name="operation">The sync request's operation name.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per update.</returns>
    public async Task<BatchResult> PushAsync(
        ConnectionContext connection,
        IReadOnlyList<T> batch,
        Func<T, string?> refusal,
        Func<T, ProductJson, (ProductWriteJson? Write, string? Refusal)> write,
        string operation,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var numbers = batch.Select(u => ProductDirectory.ProductNumberOf(record(u).ForeignNumber)).OfType<string>().ToArray();
        var products = await directory.FindAsync(connection, numbers, cancellationToken).ConfigureAwait(false);
        var writes = new List<(int, ProductWriteJson)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (article, foreignNumber, _) = record(batch[i]);
            if (ProductDirectory.ProductNumberOf(foreignNumber) is not { } number)
            {
                results[i] = RecordResult.Failure(article, ProductDirectory.WrongLabel(article, foreignNumber));
            }
            else if (refusal(batch[i]) is { } refused)
            {
                results[i] = RecordResult.Failure(article, $"Article {article}: {refused}");
            }
            else if (!products.TryGetValue(number, out var product))
            {
                results[i] = RecordResult.Failure(article, $"Article {article}: Shopware has no product or variant with product number {number}.");
            }
            else
            {
                var (change, productRefusal) = write(batch[i], product);
                if (change is not null)
                {
                    writes.Add((i, change));
                }
                else
                {
                    results[i] = RecordResult.Failure(article, $"Article {article}: {productRefusal}");
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var failures = await sender.SendAsync(connection, writes, operation, cancellationToken).ConfigureAwait(false);
        foreach (var (index, _) in writes)
        {
            var (article, foreignNumber, what) = record(batch[index]);
            results[index] = failures.TryGetValue(index, out var failure)
                ? RecordResult.Failure(article, $"Article {article} (product number {foreignNumber.Value}): {what} not written: {failure}")
                : RecordResult.Success(article);
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(record(batch[i]).Article, $"Article {record(batch[i]).Article}: no result.")));
    }
}
