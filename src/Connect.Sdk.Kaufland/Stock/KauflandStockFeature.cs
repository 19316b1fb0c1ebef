using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Kaufland.Stock;

/// <summary>
/// Publishes stock as each unit's <c>amount</c>, one <c>PATCH /units/{id_unit}</c> per record (<see cref="UnitWriter"/>):
/// a record that Kaufland refuses (an unknown unit, an amount out of range) fails alone.
/// </summary>
internal sealed class KauflandStockFeature(UnitWriter units) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => KauflandApi.MaxPageSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        var results = new List<RecordResult>(batch.Count);
        foreach (var update in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!UnitWriter.TryUnitId(update.ArticleNumber, update.ForeignNumber, out var unitId, out var failure))
            {
                results.Add(failure);
                continue;
            }

            if (update.Quantity < 0)
            {
                results.Add(RecordResult.Failure(update.ArticleNumber, string.Create(CultureInfo.InvariantCulture, $"Article {update.ArticleNumber} (unit {unitId}): amount {update.Quantity} is negative; Kaufland takes 0 or more.")));
                continue;
            }

            var amount = update.Quantity;
            results.Add(await units.WriteAsync(connection, update.ArticleNumber, unitId, new KauflandUnitPatchJson(Amount: amount), string.Create(CultureInfo.InvariantCulture, $"amount {amount}"), cancellationToken).ConfigureAwait(false));
        }

        return new BatchResult(results);
    }
}
