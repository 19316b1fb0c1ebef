using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Mirakl.Imports;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Mirakl.Stock;

/// <summary>
/// Publishes stock through Mirakl's stock import (STO01 <c>POST /api/offers/stock/imports</c>, a CSV
/// <c>"offer-sku";"quantity"</c>), polls its status (STO02) and turns its error report (STO03) into one failure per
/// refused line. The stock import changes quantities only: OF24 (<c>POST /api/offers</c>) resets every offer field it
/// is not sent, which a stock sync that knows only quantities must not do.
/// </summary>
internal sealed class MiraklStockFeature(OfferFileImport import) : IStockFeature
{
    /// <summary>The most lines one stock file carries.</summary>
    public const int FileSize = 1000;

    private static readonly string[] Header = ["offer-sku", "quantity"];

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => FileSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var sent = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            if (update.ForeignNumber.Label != ForeignNumberLabel.MiraklShopSku)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber}: {update.ForeignNumber.Label} '{update.ForeignNumber.Value}' is not a Mirakl shop SKU ({ForeignNumberLabel.MiraklShopSku}).");
            }
            else if (update.Quantity < 0)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (shop SKU {update.ForeignNumber.Value}): Mirakl takes no negative quantity ({update.Quantity}).");
            }
            else
            {
                sent.Add(i);
            }
        }

        if (sent.Count > 0)
        {
            var lines = sent.Select(i => (IReadOnlyList<string>)[batch[i].ForeignNumber.Value, batch[i].Quantity.ToString(CultureInfo.InvariantCulture)]).ToArray();
            var outcomes = await import.RunAsync(connection, OfferImportKind.Stock, Header, lines, cancellationToken).ConfigureAwait(false);
            for (var n = 0; n < sent.Count; n++)
            {
                var update = batch[sent[n]];
                results[sent[n]] = outcomes[n] is { } problem
                    ? RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (shop SKU {update.ForeignNumber.Value}, quantity {update.Quantity}): {problem}.")
                    : RecordResult.Success(update.ArticleNumber);
            }
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }
}
