using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Stock;

/// <summary>
/// Publishes stock by SKU with <c>bulkUpdatePriceQuantity</c>, at most 25 SKUs a call: each SKU's ship-to-home quantity
/// and the available quantity of its published offers, as eBay's bulk-update guide asks. Each SKU gets its own result
/// from the answer's <c>responses[]</c>, so a refused SKU fails alone; a listing at eBay's 250 revisions of the day fails
/// with a message saying it goes out again the next day. The SDK sends only quantities that changed, so an unchanged
/// level never spends one of a listing's revisions.
/// </summary>
internal sealed class EbayStockFeature(EbayApiClient client, OfferDirectory offers, ILogger logger) : IStockFeature
{
    /// <summary>The operation name of <c>bulkUpdatePriceQuantity</c>.</summary>
    public const string BulkUpdate = "inventory.bulkUpdatePriceQuantity";

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => EbayApi.MaxBulkUpdate;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        var settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var results = new Dictionary<StockUpdate, RecordResult>();
        var requests = new List<(StockUpdate Update, PriceQuantityJson Request)>();
        foreach (var update in batch)
        {
            if (Refusal(update) is { } refused)
            {
                results[update] = refused;
                continue;
            }

            var sku = update.ForeignNumber.Value;
            if (await offers.OffersOfAsync(settings, sku, cancellationToken).ConfigureAwait(false) is not { } offerIds)
            {
                results[update] = RecordResult.Failure(update.ArticleNumber, $"eBay has no inventory item with a published offer for SKU {sku} (article {update.ArticleNumber}) on {settings.MarketplaceId}; list it with the Inventory API or check the article's foreign number.");
                continue;
            }

            requests.Add((update, new PriceQuantityJson(
                sku,
                new ShipToLocationAvailabilityJson(update.Quantity),
                offerIds.Count == 0 ? null : offerIds.Select(id => new OfferPriceQuantityJson(id, update.Quantity, null)).ToArray())));
        }

        foreach (var chunk in requests.Chunk(EbayApi.MaxBulkUpdate))
        {
            foreach (var (update, result) in await SendAsync(settings, chunk, cancellationToken).ConfigureAwait(false))
            {
                results[update] = result;
            }
        }

        return new BatchResult(batch.Select(u => results[u]));
    }

    private static RecordResult? Refusal(StockUpdate update)
    {
        var foreign = update.ForeignNumber;
        if (foreign.Label != ForeignNumberLabel.Sku && foreign.Label != ForeignNumberLabel.Bestandseinheit)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} has foreign number {foreign.Label} '{foreign.Value}'; eBay's Inventory API takes stock by SKU (label SKU or Bestandseinheit).");
        }

        if (update.Quantity < 0)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Quantity {update.Quantity} for SKU {foreign.Value} (article {update.ArticleNumber}) is negative; eBay takes 0 or more (shipToLocationAvailability.quantity).");
        }

        return null;
    }

    private async Task<IEnumerable<(StockUpdate, RecordResult)>> SendAsync(EbaySettings settings, (StockUpdate Update, PriceQuantityJson Request)[] chunk, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new BulkPriceQuantityJson([.. chunk.Select(c => c.Request)]), EbayJsonContext.Default.BulkPriceQuantityJson);

        // Absolute quantities: sending the same call again after a lost answer sets the same levels.
        var call = new MarketplaceCall(HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity", BulkUpdate) { Body = body, Idempotent = true };
        var response = await client.SendAsync(settings, call, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess && response.StatusCode != HttpStatusCode.MultiStatus)
        {
            // Refused as a whole (credentials, throttling, a body eBay could not read): the batch fails, and a refusal
            // of the credentials pauses the connection.
            throw EbayApiClient.Refused(settings, BulkUpdate, response, $"{chunk.Length} SKU(s)");
        }

        var answer = EbayJson.Read(response, EbayJsonContext.Default.BulkPriceQuantityResponseJson, settings, "the stock update");
        var bySku = (answer.Responses ?? []).OfType<PriceQuantityResponseJson>().Where(r => r.Sku is not null).ToLookup(r => r.Sku!, StringComparer.Ordinal);
        return chunk.Select(c => (c.Update, ResultOf(settings, c.Update, bySku[c.Request.Sku].ToArray())));
    }

    private RecordResult ResultOf(EbaySettings settings, StockUpdate update, PriceQuantityResponseJson[] answers)
    {
        var sku = update.ForeignNumber.Value;
        if (answers.Length == 0)
        {
            return RecordResult.Failure(update.ArticleNumber, $"eBay's answer to the stock update has no result for SKU {sku} (article {update.ArticleNumber}); quantity {update.Quantity} is not confirmed and will be sent again.");
        }

        var failed = answers.Where(a => a.StatusCode is < 200 or >= 300).ToArray();
        if (failed.Length == 0)
        {
            return RecordResult.Success(update.ArticleNumber);
        }

        var errors = failed.SelectMany(a => a.Errors ?? []).ToArray();
        var reason = settings.Redactor.Redact(errors.Length > 0 ? EbayResponse.Describe(errors) : $"status {failed[0].StatusCode}") ?? string.Empty;
        EbayLog.RecordRefused(logger, sku, settings.ConnectionId.Value, reason);
        if (errors.Any(e => (e.Message ?? string.Empty).Contains("This Offer is not available", StringComparison.OrdinalIgnoreCase)))
        {
            // The offer was ended or replaced: read the SKU's offers again next time.
            offers.Forget(settings, sku);
        }

        if (errors.Any(e => (e.Message ?? string.Empty).Contains("revis", StringComparison.OrdinalIgnoreCase)))
        {
            return RecordResult.Failure(update.ArticleNumber, $"eBay refused quantity {update.Quantity} for SKU {sku} (article {update.ArticleNumber}): its listing has reached eBay's {EbayApi.RevisionsPerListingPerDay} revisions of the day ({reason}). It is sent again after midnight Pacific time, when eBay counts a new day.");
        }

        return RecordResult.Failure(update.ArticleNumber, $"eBay refused quantity {update.Quantity} for SKU {sku} (article {update.ArticleNumber}) with {failed[0].StatusCode}: {reason}");
    }
}
