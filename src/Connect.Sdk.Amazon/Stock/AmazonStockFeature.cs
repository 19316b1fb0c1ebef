using System.Globalization;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Listings;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Stock;

/// <summary>
/// Publishes merchant-fulfilled (<c>SKU_FBM</c>) quantities with the Listings Items API: one <c>patchListingsItem</c>
/// per SKU replacing <c>/attributes/fulfillment_availability</c> with channel <c>DEFAULT</c>. Stock of an
/// Amazon-fulfilled (<c>SKU_FBA</c>) SKU is Amazon's own count and is never sent: each such record is answered
/// <see cref="RecordOutcome.Skipped"/> with the reason, which the journal shows as "not synced".
/// </summary>
/// <remarks>
/// An absolute quantity may be sent twice without harm, so the patch is marked idempotent and retried after 5xx, 429
/// and lost answers. Amazon answers each patch with <c>ACCEPTED</c> (applied asynchronously; issues of severity
/// <c>WARNING</c> make the record a warning) or <c>INVALID</c> (the record failed, with Amazon's issues). The calls of
/// a batch run side by side, at most the operation's burst at a time; pacing keeps them within Amazon's rate.
/// </remarks>
internal sealed class AmazonStockFeature(AmazonApiClient client, ILogger logger) : IStockFeature
{
    /// <summary>The fulfilment channel code of merchant-fulfilled stock.</summary>
    public const string MerchantChannel = "DEFAULT";

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <summary>SKUs per call of the SDK; each is its own request to Amazon.</summary>
    public int MaxBatchSize => 20;

    /// <inheritdoc />
    public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken) =>
        ListingsItem.PatchEachAsync(connection, batch, (settings, update, token) => new ValueTask<RecordResult>(PushOneAsync(settings, update, token)), cancellationToken);

    private async Task<RecordResult> PushOneAsync(AmazonConnectionSettings settings, StockUpdate update, CancellationToken cancellationToken)
    {
        var sku = update.ForeignNumber.Value;
        if (update.ForeignNumber.Label == ForeignNumberLabel.SkuFba)
        {
            AmazonLog.FbaStockSkipped(logger, sku, settings.ConnectionId.Value);
            return new RecordResult(
                update.ArticleNumber,
                RecordOutcome.Skipped,
                $"SKU {sku} is fulfilled by Amazon (SKU_FBA): Amazon counts its stock in its own warehouses, so quantity {update.Quantity} is not sent.");
        }

        if (update.ForeignNumber.Label != ForeignNumberLabel.SkuFbm)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} has foreign number {update.ForeignNumber.Label} '{sku}'; Amazon stock needs SKU_FBM (merchant-fulfilled) or SKU_FBA.");
        }

        if (update.Quantity < 0)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Quantity {update.Quantity} for SKU {sku} is negative; Amazon takes 0 or more.");
        }

        var availability = JsonSerializer.SerializeToElement([new FulfillmentAvailabilityJson(MerchantChannel, update.Quantity)], AmazonJsonContext.Default.FulfillmentAvailabilityJsonArray);
        var body = JsonSerializer.Serialize(
            new ListingsPatchRequestJson(ListingsItem.OfferProductType, [new ListingsPatchJson("replace", "/attributes/fulfillment_availability", availability)]),
            AmazonJsonContext.Default.ListingsPatchRequestJson);
        try
        {
            var response = await client.SendAsync(settings, AmazonOperation.PatchListingsItem, HttpMethod.Patch, ListingsItem.PathOf(settings, sku), body, cancellationToken).ConfigureAwait(false);
            return ListingsItem.ResultOf(update.ArticleNumber, sku, string.Create(CultureInfo.InvariantCulture, $"quantity {update.Quantity}"), response, settings, logger);
        }
        catch (ConnectSdkException ex) when (ex.Code == ConnectSdkErrorCode.MarketplaceUnavailable && !CredentialsRefusal.In(ex))
        {
            // An absolute quantity: whether or not a lost patch landed, sending it again sets the same level, so the record
            // stays unconfirmed and the next run sends it again.
            return RecordResult.Failure(update.ArticleNumber, $"Quantity {update.Quantity} for SKU {sku} is not confirmed: {settings.Redactor.Redact(ex.Message)} It will be sent again.");
        }
    }
}
