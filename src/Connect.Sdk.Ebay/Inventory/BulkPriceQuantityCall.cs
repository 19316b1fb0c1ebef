using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Ebay.Inventory;

/// <summary>
/// Sends SKUs' quantities or prices with <c>bulkUpdatePriceQuantity</c>, at most 25 a call, and reads each SKU's
/// outcome from the answer's <c>responses[]</c> (one result per offer, or per SKU without offers), so that stock and
/// prices each fail exactly the records eBay refused.
/// </summary>
internal sealed class BulkPriceQuantityCall(EbayApiClient client, OfferDirectory offers, ILogger logger)
{
    /// <summary>The operation name of <c>bulkUpdatePriceQuantity</c>.</summary>
    public const string Operation = "inventory.bulkUpdatePriceQuantity";

    /// <summary>
    /// Pushes a batch of stock or price records: each record's refusal first, then its SKU (its own, or its listing's) and
    /// the SKU's published offers, then the requests in calls of at most 25, each record's result from its SKU's outcome.
    /// </summary>
    /// <typeparam name="T">The record type (<c>StockUpdate</c>, <c>PriceUpdate</c>).</typeparam>
    /// <param name="connection">The connection.</param>
    /// <param name="batch">The records.</param>
    /// <param name="record">How stock or prices read and judge a record.</param>
    /// <param name="cancellationToken">Cancels the reads and calls.</param>
    /// <returns>One result per record, in the batch's order.</returns>
    public async ValueTask<BatchResult> PushAsync<T>(ConnectionContext connection, IReadOnlyList<T> batch, InventoryRecords<T> record, CancellationToken cancellationToken)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        var settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var results = new Dictionary<T, RecordResult>();
        var requests = new List<(T Update, PriceQuantityJson Request)>();
        foreach (var update in batch)
        {
            var article = record.ArticleOf(update);
            var foreign = record.ForeignNumberOf(update);
            if (record.Refusal(update, settings) is { } refused)
            {
                results[update] = refused;
                continue;
            }

            var skus = await offers.SkusOfAsync(settings, foreign, cancellationToken).ConfigureAwait(false);
            if (skus.Count != 1)
            {
                results[update] = RecordResult.Failure(article, skus.Count == 0
                    ? $"eBay has no inventory item whose published offer is listing {foreign.Value} (article {article}, eBayListing); the Inventory API takes {record.What} by SKU."
                    : $"eBay listing {foreign.Value} (article {article}, eBayListing) has {skus.Count} SKUs ({string.Join(", ", skus)}), one per variation, so its {record.What} cannot go to the listing as a whole: give each variant its SKU as foreign number. Nothing was sent for it.");
                continue;
            }

            var sku = skus[0];
            if (await offers.OffersOfAsync(settings, sku, cancellationToken).ConfigureAwait(false) is not { } offerIds || (offerIds.Count == 0 && record.NeedsOffer))
            {
                results[update] = RecordResult.Failure(article, $"eBay has no inventory item with a published offer for SKU {sku} (article {article}) on {settings.MarketplaceId}; list it with the Inventory API or check the article's foreign number.");
                continue;
            }

            requests.Add((update, record.RequestOf(update, sku, offerIds)));
        }

        var outcomes = await SendAsync(settings, [.. requests.Select(r => r.Request)], cancellationToken).ConfigureAwait(false);
        foreach (var (update, request) in requests)
        {
            results[update] = record.ResultOf(update, request.Sku, outcomes[request.Sku]);
        }

        return new BatchResult(batch.Select(u => results[u]));
    }

    /// <summary>Sends the requests in calls of at most 25 and answers each SKU's outcome.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="requests">One request per SKU.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The outcome of each SKU sent.</returns>
    /// <exception cref="ConnectSdkException">eBay refused a call as a whole (credentials, throttling, a body it could not read) or could not be reached.</exception>
    private async Task<IReadOnlyDictionary<string, SkuOutcome>> SendAsync(EbaySettings settings, IReadOnlyList<PriceQuantityJson> requests, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, SkuOutcome>(StringComparer.Ordinal);
        foreach (var chunk in requests.Chunk(EbayApi.MaxBulkUpdate))
        {
            var body = JsonSerializer.Serialize(new BulkPriceQuantityJson(chunk), EbayJsonContext.Default.BulkPriceQuantityJson);

            // Absolute quantities and prices: the same call sent again after a lost answer sets the same values.
            var call = new MarketplaceCall(HttpMethod.Post, "sell/inventory/v1/bulk_update_price_quantity", Operation) { Body = body, Idempotent = true };
            var response = await client.SendAsync(settings, call, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess && response.StatusCode != HttpStatusCode.MultiStatus)
            {
                throw EbayApiClient.Refused(settings, Operation, response, $"{chunk.Length} SKU(s)");
            }

            var answer = EbayJson.Read(response, EbayJsonContext.Default.BulkPriceQuantityResponseJson, settings, "the bulk update");
            var bySku = (answer.Responses ?? []).OfType<PriceQuantityResponseJson>().Where(r => r.Sku is not null).ToLookup(r => r.Sku!, StringComparer.Ordinal);
            foreach (var request in chunk)
            {
                outcomes[request.Sku] = OutcomeOf(settings, request.Sku, [.. bySku[request.Sku]]);
            }
        }

        return outcomes;
    }

    private SkuOutcome OutcomeOf(EbaySettings settings, string sku, PriceQuantityResponseJson[] answers)
    {
        if (answers.Length == 0)
        {
            return new SkuOutcome(false, "eBay's answer has no result for it, so it is not confirmed");
        }

        var failed = answers.Where(a => a.StatusCode is < 200 or >= 300).ToArray();
        if (failed.Length == 0)
        {
            return SkuOutcome.Updated;
        }

        var errors = failed.SelectMany(a => a.Errors ?? []).ToArray();
        var reason = $"status {failed[0].StatusCode}, {settings.Redactor.Redact(errors.Length > 0 ? EbayResponse.Describe(errors) : "no error given")}";
        EbayLog.RecordRefused(logger, sku, settings.ConnectionId.Value, reason);
        if (EbayInventoryErrors.NamesAnOfferNotAvailable(errors))
        {
            // The offer was ended or replaced: read the SKU's offers again next time.
            offers.Forget(settings, sku);
        }

        return new SkuOutcome(false, reason);
    }
}
