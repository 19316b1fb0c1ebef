using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Otto.Stock;

/// <summary>
/// Publishes available quantities by SKU with <c>POST /v1/availability/quantities</c>, up to 200 SKUs a request, each
/// <c>{sku, quantity}</c>. A negative quantity fails its record before anything is sent (OTTO takes integers ≥ 0); a 207
/// fails the SKUs OTTO does not know and the others succeed; a 400 naming one item (<c>[3].quantity</c>) fails that record
/// and the rest is sent again without it. Absolute quantities make the batch safe to send twice: it is idempotent, retried
/// after a 429 or 5xx.
/// </summary>
internal sealed partial class OttoStockFeature(OttoClient client) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => OttoApi.MaxQuantityBatch;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var pending = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Quantity < 0)
            {
                results[i] = RecordResult.Failure(batch[i].ArticleNumber, $"{Name(batch[i])}: OTTO Market takes available quantities of 0 or more, not {batch[i].Quantity}; nothing sent for it.");
            }
            else
            {
                pending.Add(i);
            }
        }

        foreach (var chunk in pending.Chunk(MaxBatchSize))
        {
            await SendAsync(connection, batch, chunk.ToList(), results, cancellationToken).ConfigureAwait(false);
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"{Name(batch[i])}: no result.")));
    }

    private static string Name(StockUpdate update) => $"Article {update.ArticleNumber} (SKU {update.ForeignNumber.Value})";

    private async Task SendAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, List<int> items, RecordResult?[] results, CancellationToken cancellationToken)
    {
        // Each round either settles every item or fails one item OTTO named: at most one round per item.
        while (items.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = JsonSerializer.Serialize(items.Select(i => new OttoQuantityJson(batch[i].ForeignNumber.Value, batch[i].Quantity)).ToArray(), OttoJsonContext.Default.OttoQuantityJsonArray);
            var call = new MarketplaceCall(HttpMethod.Post, "v1/availability/quantities", OttoOperation.QuantitiesUpdate) { Body = body, Idempotent = true };
            var response = await client.SendAsync(connection, call, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.MultiStatus)
            {
                var refused = OttoClient.Read(response, OttoJsonContext.Default.OttoMultiStatusJson, "the quantity batch").ValidationErrors?.OfType<OttoValidationErrorJson>().ToArray() ?? [];
                foreach (var i in items)
                {
                    var error = Array.Find(refused, e => e.Sku == batch[i].ForeignNumber.Value);
                    results[i] = error is null
                        ? RecordResult.Success(batch[i].ArticleNumber)
                        : RecordResult.Failure(batch[i].ArticleNumber, $"{Name(batch[i])}: OTTO Market refused quantity {batch[i].Quantity}: {ErrorText.OneLine(error.Message ?? "unknown SKU", 200)}.");
                }

                return;
            }

            if (response.IsSuccess)
            {
                foreach (var i in items)
                {
                    results[i] = RecordResult.Success(batch[i].ArticleNumber);
                }

                return;
            }

            var refusal = OttoClient.Refused(response, "the quantity batch");
            if (CredentialsRefusal.In(refusal) || (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The connection's or the service's trouble, not a record's: the batch fails and is sent again later.
                throw refusal;
            }

            if (response.StatusCode == HttpStatusCode.BadRequest && ItemNamed(OttoErrors.Read(response.Body), items.Count) is { } named)
            {
                var index = items[named.Position];
                results[index] = RecordResult.Failure(batch[index].ArticleNumber, $"{Name(batch[index])}: OTTO Market refused quantity {batch[index].Quantity}: {OttoErrors.Describe(named.Error)}.");
                items.RemoveAt(named.Position);
                continue;
            }

            foreach (var i in items)
            {
                results[i] = RecordResult.Failure(batch[i].ArticleNumber, $"{Name(batch[i])}: {refusal.Message}");
            }

            return;
        }
    }

    // The item an error's path names, such as "[3].quantity", within the batch sent.
    private static (int Position, OttoErrorJson Error)? ItemNamed(IReadOnlyList<OttoErrorJson>? errors, int count)
    {
        foreach (var error in errors ?? [])
        {
            if (error.Path is { } path && ItemPath().Match(path) is { Success: true } match
                && int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < count)
            {
                return (position, error);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPath();
}
