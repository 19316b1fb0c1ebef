using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Listings;

/// <summary>
/// What the stock and price features share about one listings item: its path in the Listings Items API 2021-08-01 and
/// the record's result from Amazon's answer to a <c>patchListingsItem</c>.
/// </summary>
internal static class ListingsItem
{
    /// <summary>
    /// The product type sent with a patch. Amazon requires one; <c>PRODUCT</c> is the generic type that carries offer
    /// attributes such as <c>fulfillment_availability</c> and <c>purchasable_offer</c>, so the connector need not look
    /// up each listing's own.
    /// </summary>
    public const string OfferProductType = "PRODUCT";

    /// <summary>
    /// Reads the connection's settings, then patches each record of a batch with its own request, at most the
    /// operation's burst side by side (pacing keeps them within Amazon's rate), and gives the results in the batch's order.
    /// </summary>
    /// <typeparam name="T">The update type.</typeparam>
    /// <param name="connection">The connection.</param>
    /// <param name="batch">The updates.</param>
    /// <param name="patchOne">Sends one update for the connection and returns its record's result.</param>
    /// <param name="cancellationToken">Cancels the batch; cancelled before the start, nothing is sent.</param>
    /// <returns>One result per update.</returns>
    public static async ValueTask<BatchResult> PatchEachAsync<T>(
        ConnectionContext connection,
        IReadOnlyList<T> batch,
        Func<AmazonConnectionSettings, T, CancellationToken, ValueTask<RecordResult>> patchOne,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentDictionary<int, RecordResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = AmazonOperation.PatchListingsItem.Burst, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch.Select((update, index) => (update, index)), parallel, async (item, token) =>
            results[item.index] = await patchOne(settings, item.update, token).ConfigureAwait(false)).ConfigureAwait(false);
        return new BatchResult(Enumerable.Range(0, batch.Count).Select(i => results[i]));
    }

    /// <summary>The path of a SKU's listings item on the connection's marketplaces.</summary>
    /// <param name="settings">The connection.</param>
    /// <param name="sku">The seller SKU, percent-encoded here (a <c>/</c> in a SKU is <c>%2F</c>).</param>
    /// <returns>The path and query under the SP-API endpoint.</returns>
    public static string PathOf(AmazonConnectionSettings settings, string sku) =>
        $"listings/2021-08-01/items/{Uri.EscapeDataString(settings.SellerId)}/{Uri.EscapeDataString(sku)}?marketplaceIds={Uri.EscapeDataString(string.Join(',', settings.MarketplaceIds))}";

    /// <summary>The record's result from Amazon's answer to its patch.</summary>
    /// <param name="articleNumber">The ERP article.</param>
    /// <param name="sku">The seller SKU.</param>
    /// <param name="what">What the patch sent, for the messages: <c>quantity 7</c>, <c>price 19.99 EUR</c>.</param>
    /// <param name="response">Amazon's answer.</param>
    /// <param name="settings">The connection (for redaction).</param>
    /// <param name="logger">Where the submission id goes: it changes every run, so the journal's message leaves it out.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ConnectSdkException">Amazon answered 401, or 403 <c>Unauthorized</c>: the token, the application's role
    /// or the seller id is refused, which is the connection's failure, not this SKU's; the SDK pauses the connection on it
    /// instead of failing every SKU with it.</exception>
    public static RecordResult ResultOf(string articleNumber, string sku, string what, AmazonResponse response, AmazonConnectionSettings settings, ILogger logger)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw AmazonCalls.Refused(settings, AmazonOperation.PatchListingsItem, response, $"SKU {sku}");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return RecordResult.Failure(articleNumber, $"Amazon does not list SKU {sku} for this seller ({settings.Redactor.Redact(response.Describe())}); check the foreign number of article {articleNumber}.");
        }

        if (!response.IsSuccess)
        {
            return RecordResult.Failure(articleNumber, $"Amazon refused {what} for SKU {sku} with {settings.Redactor.Redact(response.Describe())}.");
        }

        ListingsSubmissionJson submission;
        try
        {
            submission = JsonSerializer.Deserialize(response.Body, AmazonJsonContext.Default.ListingsSubmissionJson) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            // The patches are absolute values, so the record is simply sent again by the next run.
            return RecordResult.Failure(articleNumber, $"Amazon answered {what} for SKU {sku} with a body that is not the documented JSON ({AmazonResponse.Excerpt(settings.Redactor.Redact(response.Body) ?? string.Empty)}): {JsonFieldProblem.Describe(ex)}; it will be sent again.");
        }

        var issues = submission.Issues ?? [];
        var text = string.Join("; ", issues.Select(Describe));
        switch (submission.Status)
        {
            case "ACCEPTED" when issues.Any(i => i.Severity is "ERROR" or "WARNING"):
                AmazonLog.AcceptedWithIssues(logger, what, sku, settings.ConnectionId.Value, submission.SubmissionId);
                return new RecordResult(articleNumber, RecordOutcome.Warning, $"Amazon accepted {what} for SKU {sku} with issues: {settings.Redactor.Redact(text)}");
            case "ACCEPTED":
                return RecordResult.Success(articleNumber);
            case "INVALID":
                return RecordResult.Failure(articleNumber, $"Amazon rejected {what} for SKU {sku} as INVALID: {settings.Redactor.Redact(text.Length == 0 ? "no issue given" : text)}");
            default:
                return RecordResult.Failure(articleNumber, $"Amazon answered {what} for SKU {sku} with status '{submission.Status}', which a submission should not have; it will be sent again.");
        }
    }

    // attributeNames says which listing attributes the seller must fix in Seller Central; the message alone often does not.
    private static string Describe(ListingsIssueJson issue) => issue.AttributeNames is { Count: > 0 } names
        ? $"{issue.Severity} {issue.Code}: {issue.Message} (attribute{(names.Count == 1 ? string.Empty : "s")} to fix: {string.Join(", ", names)})"
        : $"{issue.Severity} {issue.Code}: {issue.Message}";
}
