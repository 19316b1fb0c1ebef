using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Stock;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Stock;

/// <summary>
/// Publishes stock through the batch routes: <c>POST /products/batch</c> for products and
/// <c>POST /products/{id}/variations/batch</c> for each variable product's variations, each item
/// <c>{id, manage_stock: true, stock_quantity}</c>. WooCommerce answers per item, so a batch in which some items are
/// refused marks exactly those records failed. Absolute quantities make the batch safe to send twice: it is marked
/// idempotent, and a batch left in doubt is read back SKU by SKU instead of being reported as sent or as lost.
/// </summary>
internal sealed class WooCommerceStockFeature(WooCommerceClient client, SkuDirectory directory, ILogger logger) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => WooCommerceApi.MaxBatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var targets = new List<(int Index, StockUpdate Update, StockTarget Target)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            var lookup = await directory.TargetOfAsync(connection, update.ArticleNumber, update.ForeignNumber, cancellationToken).ConfigureAwait(false);
            if (lookup.Target is { } target)
            {
                targets.Add((i, update, target));
            }
            else
            {
                results[i] = lookup.Failure;
            }
        }

        foreach (var group in targets.GroupBy(t => t.Target.BatchPath, StringComparer.Ordinal))
        {
            var items = group.ToArray();
            foreach (var (index, result) in await SendBatchAsync(connection, items, cancellationToken).ConfigureAwait(false))
            {
                results[index] = result;
            }
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }

    private async Task<IEnumerable<(int Index, RecordResult Result)>> SendBatchAsync(
        ConnectionContext connection,
        (int Index, StockUpdate Update, StockTarget Target)[] items,
        CancellationToken cancellationToken)
    {
        var target = items[0].Target;
        var body = JsonSerializer.Serialize(
            new WooStockBatchJson(items.Select(i => new WooStockItemJson(i.Target.Id, ManageStock: true, i.Update.Quantity)).ToArray()),
            WooCommerceJsonContext.Default.WooStockBatchJson);
        var call = new WooCommerceCall(HttpMethod.Post, target.BatchPath, target.BatchOperation, body, Idempotent: true);
        WooCommerceResponse response;
        try
        {
            response = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (WriteInDoubtException.In(ex))
        {
            WooCommerceLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            return await ReadBackAsync(connection, items, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            var refusal = WooCommerceClient.Refused(connection, response, "the stock batch");
            if (CredentialsRefusal.In(refusal))
            {
                throw refusal;
            }

            return items.Select(i => (i.Index, RecordResult.Failure(i.Update.ArticleNumber, $"Article {i.Update.ArticleNumber} (SKU {i.Update.ForeignNumber.Value}): {refusal.Message}")));
        }

        WooStockBatchResultJson answer;
        try
        {
            answer = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooStockBatchResultJson, "the stock batch");
        }
        catch (ConnectSdkException)
        {
            // A 2xx whose body is cut off or not JSON: the shop may have saved the batch, so ask it.
            WooCommerceLog.InDoubt(logger, call.Operation, connection.ConnectionId);
            return await ReadBackAsync(connection, items, cancellationToken).ConfigureAwait(false);
        }

        return ToResults(connection.ConnectionId, items, answer);
    }

    private List<(int Index, RecordResult Result)> ToResults(ConnectionId connection, (int Index, StockUpdate Update, StockTarget Target)[] items, WooStockBatchResultJson answer)
    {
        var byId = answer.UpdatesById();
        var results = new List<(int, RecordResult)>(items.Length);
        foreach (var (index, update, target) in items)
        {
            var sku = update.ForeignNumber.Value;
            if (!byId.TryGetValue(target.Id, out var item))
            {
                results.Add((index, RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): WooCommerce sent no result for id {target.Id}; the next sync sends it again.")));
            }
            else if (item.Error is { } error)
            {
                WooCommerceLog.StockRefused(logger, sku, error.Code, connection);
                directory.Refused(connection, sku, error);

                results.Add((index, RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): WooCommerce refused stock {update.Quantity}: {ErrorText.OneLine(error.Message ?? string.Empty, WooCommerceClient.MaxMessageLength)} ({error.Code}).")));
            }
            else
            {
                results.Add((index, RecordResult.Success(update.ArticleNumber)));
            }
        }

        return results;
    }

    // The batch may or may not be saved: each SKU's quantity decides, and a SKU not at its level is failed, so the SDK sends it again.
    private async Task<List<(int Index, RecordResult Result)>> ReadBackAsync(ConnectionContext connection, (int Index, StockUpdate Update, StockTarget Target)[] items, CancellationToken cancellationToken)
    {
        var results = new List<(int, RecordResult)>(items.Length);
        foreach (var (index, update, _) in items)
        {
            var sku = update.ForeignNumber.Value;
            try
            {
                var product = await directory.LookUpAsync(connection, sku, cancellationToken).ConfigureAwait(false);
                results.Add(product is { ManageStock: true } && product.StockQuantity == update.Quantity
                    ? (index, RecordResult.Success(update.ArticleNumber))
                    : (index, RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): the stock batch got no answer and the shop holds {(product?.StockQuantity is { } held ? held.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no quantity")}, not {update.Quantity}; the next sync sends it again.")));
            }
            catch (ConnectSdkException ex)
            {
                results.Add((index, RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): the stock batch got no answer and reading it back failed ({ex.Message}); the next sync sends it again.")));
            }
        }

        return results;
    }
}
