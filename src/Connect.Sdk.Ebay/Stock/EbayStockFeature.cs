using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Inventory;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Stock;

namespace Connect.Sdk.Ebay.Stock;

/// <summary>
/// Publishes stock by SKU with <c>bulkUpdatePriceQuantity</c>, at most 25 SKUs a call: each SKU's ship-to-home quantity
/// and the available quantity of its published offers, as eBay's bulk-update guide asks. Each SKU gets its own result
/// from the answer, so a refused SKU fails alone with eBay's error (a listing at eBay's 250 revisions of the day too)
/// and goes out again with the next sync. The SDK sends only quantities that changed, so an unchanged level never
/// spends one of a listing's revisions.
/// </summary>
internal sealed class EbayStockFeature(BulkPriceQuantityCall bulk) : IStockFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Stock;

    /// <inheritdoc />
    public int MaxBatchSize => EbayApi.MaxBulkUpdate;

    private static readonly InventoryRecords<StockUpdate> Records = new()
    {
        What = "stock",
        NeedsOffer = false,
        ArticleOf = u => u.ArticleNumber,
        ForeignNumberOf = u => u.ForeignNumber,
        Refusal = (u, _) => Refusal(u),
        RequestOf = (u, sku, offerIds) => new PriceQuantityJson(
            sku,
            new ShipToLocationAvailabilityJson(u.Quantity),
            offerIds.Count == 0 ? null : [.. offerIds.Select(id => new OfferPriceQuantityJson(id, u.Quantity, null))]),
        ResultOf = ResultOf,
    };

    /// <inheritdoc />
    public ValueTask<BatchResult> PushStockAsync(ConnectionContext connection, IReadOnlyList<StockUpdate> batch, CancellationToken cancellationToken) =>
        bulk.PushAsync(connection, batch, Records, cancellationToken);

    private static RecordResult? Refusal(StockUpdate update)
    {
        var foreign = update.ForeignNumber;
        if (foreign.Label != ForeignNumberLabel.Sku && foreign.Label != ForeignNumberLabel.Bestandseinheit && foreign.Label != ForeignNumberLabel.EbayListing)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} has foreign number {foreign.Label} '{foreign.Value}'; eBay stock goes by SKU (label SKU or Bestandseinheit) or by listing id (eBayListing).");
        }

        return update.Quantity < 0
            ? RecordResult.Failure(update.ArticleNumber, $"Quantity {update.Quantity} for SKU {foreign.Value} (article {update.ArticleNumber}) is negative; eBay takes 0 or more (shipToLocationAvailability.quantity).")
            : null;
    }

    private static RecordResult ResultOf(StockUpdate update, string sku, SkuOutcome outcome)
    {
        return outcome switch
        {
            { Succeeded: true } => RecordResult.Success(update.ArticleNumber),
            _ => RecordResult.Failure(update.ArticleNumber, $"eBay did not take quantity {update.Quantity} for SKU {sku} (article {update.ArticleNumber}): {outcome.Reason}; it is sent again by the next sync."),
        };
    }
}
