using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Prices;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Stock;
using Connect.Sdk.WooCommerce.Wire;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>
/// Publishes prices through the batch routes the stock feature uses, <c>POST /products/batch</c> for products and
/// <c>POST /products/{id}/variations/batch</c> for each variable product's variations, each item
/// <c>{id, regular_price, sale_price, date_on_sale_from: "", date_on_sale_to: ""}</c> (<see cref="WooPriceFields"/>; the empty
/// dates clear a sale schedule left from before), the SKU found as for stock
/// (<see cref="SkuDirectory"/>). A price in another currency than the shop's, or on another basis than its tax option
/// (<see cref="ShopPriceSettings"/>), fails its record and is never converted; so does a SKU of a variable or grouped product, whose price WooCommerce clears while
/// answering success. WooCommerce answers per item with the saved product, so a refused item, or one whose answered
/// <c>price</c>, <c>regular_price</c> or <c>sale_price</c> differs from what was sent, fails exactly its record; a batch
/// the shop does not answer with a readable success throws, so the SDK fails the batch. Absolute prices make a batch
/// safe to send twice, so the HTTP foundation retries it after a 429 or 5xx.
/// </summary>
internal sealed class WooCommercePriceFeature(WooCommerceClient client, SkuDirectory directory, ShopPriceSettings shopSettings) : IPriceFeature
{
    private const string What = "the price batch";

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => WooCommerceApi.MaxBatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var items = new List<PriceItem>(batch.Count);
        var kept = shopSettings.Kept(connection);
        var terms = kept ?? await shopSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var termsReadNow = kept is null;
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            ArgumentNullException.ThrowIfNull(update, nameof(batch));
            if (!termsReadNow && !terms.Take(update))
            {
                // The refusal rests on what the shop says now, not on what it said when its terms were last read.
                terms = await shopSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                termsReadNow = true;
            }

            if (!WooPriceFields.TryCreate(update, terms, out var fields, out var problem))
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} ({update.ForeignNumber.Label} {update.ForeignNumber.Value}): {problem}");
                continue;
            }

            var lookup = await directory.TargetOfAsync(connection, update.ArticleNumber, update.ForeignNumber, cancellationToken).ConfigureAwait(false);
            if (lookup.Target is { PricedByItsChildren: true } pricedByChildren)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, PricedByChildrenProblem(update, pricedByChildren));
            }
            else if (lookup.Target is { } target)
            {
                items.Add(new PriceItem(i, update, target, fields));
            }
            else
            {
                results[i] = lookup.Failure;
            }
        }

        foreach (var group in items.GroupBy(t => t.Target.BatchPath, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Chunk(MaxBatchSize))
            {
                foreach (var (index, result) in await SendBatchAsync(connection, chunk, cancellationToken).ConfigureAwait(false))
                {
                    results[index] = result;
                }
            }
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }

    // WooCommerce clears the prices of a variable or grouped product on every write and still answers success
    // (prepare_object_for_database), so such a record fails before anything is sent for it.
    private static string PricedByChildrenProblem(PriceUpdate update, StockTarget target) =>
        $"Article {update.ArticleNumber} (SKU {update.ForeignNumber.Value}): product {target.Id} is a {target.Type} product: " + (target.Type == "variable"
            ? "WooCommerce prices its variations; map the variations' SKUs to the articles instead of the variable product's."
            : "WooCommerce prices the products it groups; map those products' SKUs to the articles instead of the grouped product's.");

    private async Task<IEnumerable<(int Index, RecordResult Result)>> SendBatchAsync(ConnectionContext connection, PriceItem[] items, CancellationToken cancellationToken)
    {
        // Checked again before each write: once cancelled, no further batch goes out.
        cancellationToken.ThrowIfCancellationRequested();
        var target = items[0].Target;
        var body = JsonSerializer.Serialize(
            new WooPriceBatchJson(items.Select(i => new WooPriceItemJson(i.Target.Id, i.Fields.RegularPrice, i.Fields.SalePrice)).ToArray()),
            WooCommerceJsonContext.Default.WooPriceBatchJson);
        var call = new WooCommerceCall(HttpMethod.Post, target.BatchPath, target.BatchOperation, body, Idempotent: true);
        var response = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WooCommerceClient.Refused(connection, response, What);
        }

        var answer = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooStockBatchResultJson, What);

        var byId = answer.UpdatesById();
        return items.Select(item => (item.Index, ToResult(connection.ConnectionId, item, byId.GetValueOrDefault(item.Target.Id))));
    }

    private RecordResult ToResult(ConnectionId connection, PriceItem item, WooBatchItemJson? answer)
    {
        var (_, update, target, fields) = item;
        var sku = update.ForeignNumber.Value;
        if (answer is null)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): WooCommerce sent no result for id {target.Id}; the next sync sends it again.");
        }

        if (answer.Error is not { } error)
        {
            if (fields.DifferencesIn(answer) is not { } differences)
            {
                return RecordResult.Success(update.ArticleNumber);
            }

            // A success whose saved item shows other prices did not publish ours (a product whose type changed since its
            // lookup, a plugin that rewrites prices): the record fails, and the SKU is looked up again next time.
            directory.Forget(connection, sku);
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): WooCommerce saved id {target.Id} but answers {differences}; the shop does not sell at the price sent.");
        }

        directory.Refused(connection, sku, error);
        var sent = fields.SalePrice.Length == 0 ? $"regular_price {fields.RegularPrice}" : $"regular_price {fields.RegularPrice}, sale_price {fields.SalePrice}";
        return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {sku}): WooCommerce refused {sent}: {ErrorText.OneLine(error.Message ?? string.Empty, WooCommerceClient.MaxMessageLength)} ({error.Code}).");
    }

    private sealed record PriceItem(int Index, PriceUpdate Update, StockTarget Target, WooPriceFields Fields);
}
