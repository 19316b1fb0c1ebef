using System.Text.Json;
using Basar.Connector.Http;
using Basar.Connector.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Stock;

namespace Basar.Connector.Stock;

/// <summary>
/// Publishes stock with <c>PUT /api/v1/offers/stock</c>, up to <see cref="BasarApi.MaxStockBatch"/> offers a call.
/// Basar answers one result per offer, so a batch in which Basar rejects some offers marks exactly those records failed.
/// </summary>
internal sealed class BasarStockFeature(BasarApiClient client) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => BasarApi.MaxStockBatch;

    /// <inheritdoc />
    #region snippet: connector-stock-feature
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var body = JsonSerializer.Serialize(
            new BasarStockUpdateJson(batch.Select(u => new BasarStockItemJson(u.ForeignNumber.Value, u.Quantity)).ToArray()),
            BasarJsonContext.Default.BasarStockUpdateJson);

        // Absolute levels: sending the batch again does no harm, so every failure may be retried.
        var response = await client.SendAsync(connection, HttpMethod.Put, "offers/stock", body, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var refusal = $"Basar refused the stock batch with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}";
            return new BatchResult(batch.Select(u => RecordResult.Failure(u.ArticleNumber, refusal)));
        }

        var results = BasarApiClient.Read(response, BasarJsonContext.Default.BasarStockResultJson, "the stock batch");
        return ToBatchResult(batch, results);
    }
    #endregion

    /// <summary>Matches Basar's per-offer results to the records sent; an offer Basar did not answer for counts as failed.</summary>
    /// <param name="batch">The records sent.</param>
    /// <param name="results">Basar's answer.</param>
    /// <returns>One result per record.</returns>
    internal static BatchResult ToBatchResult(IReadOnlyList<StockUpdate> batch, BasarStockResultJson results)
    {
        var byOffer = results.Results
            .GroupBy(r => r.OfferId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new BatchResult(batch.Select(update =>
        {
            var offer = update.ForeignNumber.Value;
            if (!byOffer.TryGetValue(offer, out var result))
            {
                return RecordResult.Failure(update.ArticleNumber, $"Basar sent no result for offer {offer}.");
            }

            return string.Equals(result.Status, "ok", StringComparison.Ordinal)
                ? RecordResult.Success(update.ArticleNumber)
                : RecordResult.Failure(update.ArticleNumber, $"Basar rejected the stock of offer {offer}: {result.Error?.Message ?? result.Status} ({result.Error?.Code ?? "no code"}).");
        }));
    }
}
