using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Stock;

/// <summary>
/// Publishes stock as the <c>available</c> quantity of each article's inventory item at the connection's location, with
/// <c>inventorySetQuantities</c>: the SDK hands over only changed quantities; each is read from Shopify first and sent
/// with that reading as <c>changeFromQuantity</c> and an idempotency key, so a change made on the shop in between is
/// refused by Shopify instead of overwritten, and a retried request cannot apply twice.
/// </summary>
/// <remarks>
/// Why read first rather than send the quantity the SDK last sent as the expected one: the SDK's
/// <see cref="StockUpdate"/> does not carry the last sent quantity, and between two runs the shop's quantity changes
/// legitimately (every sale lowers it, and the ERP learns of the sale only through the order import). An expected
/// quantity from the last send would be refused after nearly every sale, so the ERP's stock would never arrive. The read
/// costs one point per article; the compare-and-set then guards the window between reading and writing.
/// </remarks>
internal sealed class ShopifyStockFeature(ShopifyGraphQLClient client, ShopifyInventoryReader reader, ILogger logger) : IStockFeature
{
    /// <summary>The most quantities one <c>inventorySetQuantities</c> takes (Shopify's documented limit is 250).</summary>
    public const int BatchSize = 250;

    /// <summary>The reason Shopify records with each change: the ERP corrects the count.</summary>
    public const string Reason = "correction";

    // A batch is sent again without the quantities Shopify refused (it applies all or none); this bounds the rounds.
    private const int MaxRounds = 4;

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => BatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        var location = session.Settings.LocationGid
            ?? throw new ConnectionSettingException(ShopifyConnector.LocationKey, $"Setting '{ShopifyConnector.LocationKey}' of connection {connection.ConnectionId} is empty: Shopify keeps stock per location, so name the location to publish to.") { ConnectionId = connection.ConnectionId };

        var results = new Dictionary<string, RecordResult>(StringComparer.Ordinal);
        var pending = new List<PendingQuantity>();
        foreach (var update in batch)
        {
            InventoryRead read;
            try
            {
                read = await reader.ReadAsync(session, update.ForeignNumber, location, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectSdkException ex) when (ex.MarketplaceStatusCode is >= 200 and < 300 && ex.Code is ConnectSdkErrorCode.AnswerUnreadable or ConnectSdkErrorCode.MarketplaceRefused)
            {
                // Shopify answered this read with 200 but not with a level (an error page, GraphQL errors): this article
                // waits for the next run and the others go now. Each article's read is one request in a batch of up to
                // 250, so failing them all for one bad answer would send nothing while a fraction of answers is bad.
                // What is the shop's, not this article's, goes up although it also comes with 200: ACCESS_DENIED pauses
                // the connection; still THROTTLED after the tries, or INTERNAL_SERVER_ERROR, fails the batch like an error
                // status or an unreachable shop, which the SDK journals as not sent and stops after three such batches.
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, $"stock {update.Quantity} not sent: the shop's quantity could not be read ({session.Redactor.Redact(ex.Message)}); the next run sends it again");
                continue;
            }

            if (read.IsUntracked)
            {
                results[update.ArticleNumber] = new RecordResult(update.ArticleNumber, RecordOutcome.Skipped, read.Problem);
            }
            else if (read.Problem is { } problem)
            {
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, problem);
            }
            else if (read.Available == update.Quantity)
            {
                results[update.ArticleNumber] = RecordResult.Success(update.ArticleNumber);
            }
            else
            {
                pending.Add(new PendingQuantity(update, read.InventoryItemId!, read.Available!.Value));
            }
        }

        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > MaxRounds)
            {
                foreach (var left in pending)
                {
                    results[left.Update.ArticleNumber] = RecordResult.Failure(left.Update.ArticleNumber, $"Shopify refused the batch {MaxRounds} times for other articles' quantities, so stock {left.Update.Quantity} was not sent; the next run sends it again");
                }

                break;
            }

            pending = await SendRoundAsync(session, location, pending, results, cancellationToken).ConfigureAwait(false);
        }

        return new BatchResult(batch.Select(u => results[u.ArticleNumber]));
    }

    /// <summary>Sends the pending quantities once; records what is settled and returns what must go again.</summary>
    private async Task<List<PendingQuantity>> SendRoundAsync(ShopifySession session, string location, List<PendingQuantity> pending, Dictionary<string, RecordResult> results, CancellationToken cancellationToken)
    {
        ShopifySetQuantitiesPayloadJson payload;
        try
        {
            var data = await client.SendAsync(session, ShopifyDocuments.SetQuantities, Variables(session, location, pending), ShopifyJsonContext.Default.ShopifyResponseJsonShopifySetQuantitiesDataJson, cancellationToken).ConfigureAwait(false);
            payload = data.InventorySetQuantities ?? new ShopifySetQuantitiesPayloadJson();
        }
        catch (ConnectSdkException ex) when (ShopifyGraphQLClient.IsInDoubt(ex))
        {
            // The mutation may have been applied: what Shopify shows now decides, not a blind resend.
            ShopifyLog.WriteInDoubt(logger, ShopifyDocuments.SetQuantities.Name, session.ConnectionId);
            return await ResolveByReadingAsync(session, location, pending, results, session.Redactor.Redact(ex.Message) ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex) when (ex.Code is ConnectSdkErrorCode.MarketplaceRefused)
        {
            // Shopify refused this request (a 4xx) for what it carries: nothing was applied, and these articles fail.
            // What is the shop's or the connection's goes up instead, also when it is not in doubt: still THROTTLED after
            // the tries, or no answer to a request that never went out (unreachable, circuit open), fails the batch,
            // which the SDK counts towards breaking the run off; a refused token or scope (401, 403, ACCESS_DENIED)
            // pauses the connection. Failing each article alike for them would read as the articles' fault, and on an
            // automatic run's first batch as a refusal of the stock itself, which pauses the stock sync for the user.
            foreach (var unsent in pending)
            {
                results[unsent.Update.ArticleNumber] = RecordResult.Failure(unsent.Update.ArticleNumber, $"stock {unsent.Update.Quantity} not sent: {session.Redactor.Redact(ex.Message)}");
            }

            return [];
        }

        var errors = payload.UserErrors ?? [];
        if (errors.Count == 0)
        {
            foreach (var sent in pending)
            {
                results[sent.Update.ArticleNumber] = RecordResult.Success(sent.Update.ArticleNumber);
            }

            return [];
        }

        var (byIndex, general) = UserErrorsByPosition.Of(errors, "quantities", pending.Count);
        if (general.Count > 0)
        {
            // An error not tied to one quantity (the reason, the name, the key) refuses every quantity alike.
            var why = string.Join("; ", general.Select(e => e.Describe()));
            foreach (var sent in pending)
            {
                results[sent.Update.ArticleNumber] = RecordResult.Failure(sent.Update.ArticleNumber, $"Shopify refused stock {sent.Update.Quantity}: {session.Redactor.Redact(why)}");
            }

            return [];
        }

        for (var i = 0; i < pending.Count; i++)
        {
            if (byIndex.TryGetValue(i, out var error))
            {
                var refused = pending[i];
                ShopifyLog.StockRefused(logger, refused.Update.ArticleNumber, session.ConnectionId, error.Code ?? "unknown");
                results[refused.Update.ArticleNumber] = RecordResult.Failure(refused.Update.ArticleNumber, await RefusalAsync(session, location, refused, error, cancellationToken).ConfigureAwait(false));
            }
        }

        // Shopify applies all quantities or none: the ones it did not refuse were not applied either and go again.
        return pending.Where((_, i) => !byIndex.ContainsKey(i)).ToList();
    }

    private async Task<string> RefusalAsync(ShopifySession session, string location, PendingQuantity refused, ShopifyUserErrorJson error, CancellationToken cancellationToken)
    {
        var update = refused.Update;
        if (error.Code is "CHANGE_FROM_QUANTITY_STALE")
        {
            var found = "unknown";
            try
            {
                var now = await reader.ReadAsync(session, update.ForeignNumber, location, cancellationToken).ConfigureAwait(false);
                found = now.Available?.ToString(CultureInfo.InvariantCulture) ?? found;
            }
            catch (ConnectSdkException)
            {
                // The message says so; the next run reads the level anyway.
            }

            return $"Shopify refused stock {update.Quantity} for {update.ForeignNumber.Label} {update.ForeignNumber.Value}: the quantity on the shop changed while it was sent (expected {refused.ChangeFrom}, found {found}), so nothing was overwritten; the next run reads the level again and sends it";
        }

        return $"Shopify refused stock {update.Quantity} for {update.ForeignNumber.Label} {update.ForeignNumber.Value}: {session.Redactor.Redact(error.Describe())}";
    }

    private async Task<List<PendingQuantity>> ResolveByReadingAsync(ShopifySession session, string location, List<PendingQuantity> pending, Dictionary<string, RecordResult> results, string reason, CancellationToken cancellationToken)
    {
        var again = new List<PendingQuantity>();
        foreach (var sent in pending)
        {
            var update = sent.Update;
            InventoryRead now;
            try
            {
                now = await reader.ReadAsync(session, update.ForeignNumber, location, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectSdkException ex)
            {
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, $"stock {update.Quantity} was sent without an answer ({reason}) and could not be read back ({session.Redactor.Redact(ex.Message)}); the next run reads the level and sends it again");
                continue;
            }

            if (now.Available == update.Quantity)
            {
                results[update.ArticleNumber] = RecordResult.Success(update.ArticleNumber);
            }
            else if (now.Available == sent.ChangeFrom)
            {
                again.Add(sent);
            }
            else
            {
                var shown = now.Available?.ToString(CultureInfo.InvariantCulture) ?? now.Problem ?? "nothing";
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, $"stock {update.Quantity} was sent without an answer ({reason}); Shopify now shows {shown}, neither what was sent nor the {sent.ChangeFrom} it had, so the quantity changed on the shop meanwhile; the next run reads the level again and sends it");
            }
        }

        return again;
    }

    private static JsonObject Variables(ShopifySession session, string location, List<PendingQuantity> pending) => new()
    {
        ["input"] = new JsonObject
        {
            ["name"] = "available",
            ["reason"] = Reason,
            ["referenceDocumentUri"] = $"connect-sdk://connections/{Uri.EscapeDataString(session.ConnectionId)}/stock",
            ["quantities"] = new JsonArray(pending.Select(p => (JsonNode)new JsonObject
            {
                ["inventoryItemId"] = p.InventoryItemId,
                ["locationId"] = location,
                ["quantity"] = p.Update.Quantity,
                ["changeFromQuantity"] = p.ChangeFrom,
            }).ToArray()),
        },

        // A new key for every distinct request: the HTTP retries of this one reuse it (Shopify answers them as the first
        // time), while a later run's identical quantities must not be taken for a replay.
        ["idempotencyKey"] = Guid.NewGuid().ToString("N"),
    };
}
