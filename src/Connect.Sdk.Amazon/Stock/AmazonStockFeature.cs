using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
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
    /// <summary>
    /// The product type sent with a quantity patch. Amazon requires one; <c>PRODUCT</c> is the generic type that carries
    /// offer attributes such as <c>fulfillment_availability</c>, so the connector need not look up each listing's own.
    /// </summary>
    public const string OfferProductType = "PRODUCT";

    /// <summary>The fulfilment channel code of merchant-fulfilled stock.</summary>
    public const string MerchantChannel = "DEFAULT";

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <summary>SKUs per call of the SDK; each is its own request to Amazon.</summary>
    public int MaxBatchSize => 20;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentDictionary<int, RecordResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = AmazonOperation.PatchListingsItem.Burst, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch.Select((update, index) => (update, index)), parallel, async (item, token) =>
            results[item.index] = await PushOneAsync(settings, item.update, token).ConfigureAwait(false)).ConfigureAwait(false);
        return new BatchResult(Enumerable.Range(0, batch.Count).Select(i => results[i]));
    }

    /// <summary>The record's result from Amazon's answer to its patch.</summary>
    /// <param name="articleNumber">The ERP article.</param>
    /// <param name="sku">The seller SKU.</param>
    /// <param name="quantity">The quantity sent.</param>
    /// <param name="response">Amazon's answer.</param>
    /// <param name="settings">The connection (for redaction).</param>
    /// <param name="logger">Where the submission id goes: it changes every run, so the journal's message leaves it out.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ConnectSdkException">Amazon answered 401, or 403 <c>Unauthorized</c>: the token, the application's role
    /// or the seller id is refused, which is the connection's failure, not this SKU's; the SDK pauses the connection on it
    /// instead of failing every SKU with it.</exception>
    internal static RecordResult ToResult(string articleNumber, string sku, int quantity, AmazonResponse response, AmazonConnectionSettings settings, ILogger logger)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw AmazonCalls.Refused(settings, AmazonOperation.PatchListingsItem, response, $"SKU {sku}");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return RecordResult.Failure(articleNumber, $"Amazon does not list SKU {sku} for this seller ({settings.Redactor.Redact(response.Describe())}); check the SKU_FBM foreign number of article {articleNumber}.");
        }

        if (!response.IsSuccess)
        {
            return RecordResult.Failure(articleNumber, $"Amazon refused quantity {quantity} for SKU {sku} with {settings.Redactor.Redact(response.Describe())}.");
        }

        ListingsSubmissionJson submission;
        try
        {
            submission = JsonSerializer.Deserialize(response.Body, AmazonJsonContext.Default.ListingsSubmissionJson) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            // The patch is idempotent, so the record is simply sent again by the next run.
            return RecordResult.Failure(articleNumber, $"Amazon answered the quantity of SKU {sku} with a body that is not the documented JSON ({AmazonResponse.Excerpt(settings.Redactor.Redact(response.Body) ?? string.Empty)}): {JsonFieldProblem.Describe(ex)}; it will be sent again.");
        }

        var issues = submission.Issues ?? [];
        var text = string.Join("; ", issues.Select(Describe));
        switch (submission.Status)
        {
            case "ACCEPTED" when issues.Any(i => i.Severity is "ERROR" or "WARNING"):
                AmazonLog.AcceptedWithIssues(logger, quantity, sku, settings.ConnectionId.Value, submission.SubmissionId);
                return new RecordResult(articleNumber, RecordOutcome.Warning, $"Amazon accepted quantity {quantity} for SKU {sku} with issues: {settings.Redactor.Redact(text)}");
            case "ACCEPTED":
                return RecordResult.Success(articleNumber);
            case "INVALID":
                return RecordResult.Failure(articleNumber, $"Amazon rejected quantity {quantity} for SKU {sku} as INVALID: {settings.Redactor.Redact(text.Length == 0 ? "no issue given" : text)}");
            default:
                return RecordResult.Failure(articleNumber, $"Amazon answered quantity {quantity} for SKU {sku} with status '{submission.Status}', which a submission should not have; it will be sent again.");
        }
    }

    // attributeNames says which listing attributes the seller must fix in Seller Central; the message alone often does not.
    private static string Describe(ListingsIssueJson issue) => issue.AttributeNames is { Count: > 0 } names
        ? $"{issue.Severity} {issue.Code}: {issue.Message} (attribute{(names.Count == 1 ? string.Empty : "s")} to fix: {string.Join(", ", names)})"
        : $"{issue.Severity} {issue.Code}: {issue.Message}";

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

        var body = JsonSerializer.Serialize(
            new ListingsPatchRequestJson(OfferProductType, [new ListingsPatchJson("replace", "/attributes/fulfillment_availability", [new FulfillmentAvailabilityJson(MerchantChannel, update.Quantity)])]),
            AmazonJsonContext.Default.ListingsPatchRequestJson);
        var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(settings.SellerId)}/{Uri.EscapeDataString(sku)}?marketplaceIds={Uri.EscapeDataString(string.Join(',', settings.MarketplaceIds))}";
        try
        {
            var response = await client.SendAsync(settings, AmazonOperation.PatchListingsItem, HttpMethod.Patch, path, body, cancellationToken).ConfigureAwait(false);
            return ToResult(update.ArticleNumber, sku, update.Quantity, response, settings, logger);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TimeoutException) && !CredentialsRefusal.In(ex))
        {
            // An absolute quantity: whether or not a lost patch landed, sending it again sets the same level, so the record
            // stays unconfirmed and the next run sends it again.
            return RecordResult.Failure(update.ArticleNumber, $"Quantity {update.Quantity} for SKU {sku} is not confirmed: {settings.Redactor.Redact(ex.Message)} It will be sent again.");
        }
    }
}
