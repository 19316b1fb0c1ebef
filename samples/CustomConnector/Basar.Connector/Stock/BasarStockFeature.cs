namespace Basar.Connector.Stock;

/// <summary>
/// Publishes stock with <c>PUT /api/v1/offers/stock</c>, up to <see cref="BasarApi.MaxStockBatch"/> offers a call.
/// Basar answers one result per offer, so a batch in which Basar rejects some offers marks exactly those records failed.
/// </summary>
internal sealed class BasarStockFeature(BasarClients clients) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => BasarApi.MaxStockBatch;

    /// <inheritdoc />
    #region snippet: connector-stock-feature
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        var client = await clients.ForAsync(connection, cancellationToken).ConfigureAwait(false);
        var items = new BasarStockUpdateJson(batch.Select(u => new BasarStockItemJson(u.ForeignNumber.Value, u.Quantity)).ToArray());
        // Absolute levels: sending the batch again does no harm, so the SDK may retry it after any failure.
        var call = MarketplaceCall.Json(HttpMethod.Put, "offers/stock", "stock.update", items, BasarJsonContext.Default.BasarStockUpdateJson) with { Idempotent = true };
        var answer = await client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            var refusal = client.Refused(answer, "the stock batch").Message;
            return new BatchResult(batch.Select(u => RecordResult.Failure(u.ArticleNumber, refusal)));
        }

        return ToBatchResult(batch, client.Read(answer, BasarJsonContext.Default.BasarStockResultJson, "the stock batch"));
    }
    #endregion

    /// <summary>Matches Basar's per-offer results to the records sent; an offer Basar did not answer for counts as failed.</summary>
    /// <param name="batch">The records sent.</param>
    /// <param name="results">Basar's answer.</param>
    /// <returns>One result per record.</returns>
    internal static BatchResult ToBatchResult(IReadOnlyList<StockUpdate> batch, BasarStockResultJson results)
    {
        var byOffer = results.Results.GroupBy(r => r.OfferId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new BatchResult(batch.Select(update => byOffer.GetValueOrDefault(update.ForeignNumber.Value) switch
        {
            null => RecordResult.Failure(update.ArticleNumber, $"Basar sent no result for offer {update.ForeignNumber.Value}."),
            { Status: "ok" } => RecordResult.Success(update.ArticleNumber),
            var result => RecordResult.Failure(update.ArticleNumber, $"Basar rejected the stock of offer {result.OfferId}: {result.Error?.Message ?? result.Status} ({result.Error?.Code ?? "no code"})."),
        }));
    }
}
