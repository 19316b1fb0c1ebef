using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Inventory;
using Connect.Sdk.Ebay.Wire;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Ebay.Prices;

/// <summary>
/// Publishes the price of each SKU's published offers with <c>bulkUpdatePriceQuantity</c> (<c>offers[].price {value,
/// currency}</c>), at most 25 SKUs a call, each SKU with its own result. A price in another currency than the
/// marketplace's, on another basis than it takes (<see cref="EbayMarketplaces"/>), not above 0 or finer than the
/// currency's minor unit is refused for its record and never converted. The bulk update carries no struck-through price
/// (eBay's <c>originalRetailPrice</c> belongs to the offer's own update), so a compare-at price is not sent and its
/// record is a warning saying so.
/// </summary>
internal sealed class EbayPriceFeature(BulkPriceQuantityCall bulk) : IPriceFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => EbayApi.MaxBulkUpdate;

    private static readonly InventoryRecords<PriceUpdate> Records = new()
    {
        What = "prices",
        NeedsOffer = true,
        ArticleOf = u => u.ArticleNumber,
        ForeignNumberOf = u => u.ForeignNumber,
        Refusal = (u, settings) => Refusal(u, settings.MarketplaceId),
        RequestOf = (u, sku, offerIds) =>
        {
            var price = new EbayAmountJson(u.Price.Amount.ToString("F" + u.Price.Currency.MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), u.Price.Currency.Value);
            return new PriceQuantityJson(sku, null, [.. offerIds.Select(id => new OfferPriceQuantityJson(id, null, price))]);
        },
        ResultOf = ResultOf,
    };

    /// <inheritdoc />
    public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken) =>
        bulk.PushAsync(connection, batch, Records, cancellationToken);

    private static RecordResult? Refusal(PriceUpdate update, string marketplaceId)
    {
        var sku = update.ForeignNumber.Value;
        if (update.ForeignNumber.Label != ForeignNumberLabel.Sku && update.ForeignNumber.Label != ForeignNumberLabel.Bestandseinheit && update.ForeignNumber.Label != ForeignNumberLabel.EbayListing)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} has foreign number {update.ForeignNumber.Label} '{sku}'; eBay prices go by SKU (label SKU or Bestandseinheit) or by listing id (eBayListing).");
        }

        if (EbayMarketplaces.Of(marketplaceId) is not { } marketplace)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is not sent: the connector knows no currency and price basis for eBay marketplace {marketplaceId}.");
        }

        if (update.Price.Currency != marketplace.Currency)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is in {update.Price.Currency}, but eBay marketplace {marketplaceId} sells in {marketplace.Currency}; prices are never converted.");
        }

        if (update.Basis != marketplace.Basis)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is {update.Basis.ToString().ToLowerInvariant()}, but eBay marketplace {marketplaceId} takes prices {marketplace.Basis.ToString().ToLowerInvariant()}; prices are never converted.");
        }

        if (update.Price.Amount <= 0)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is not above 0; eBay's offer price (price.value) must be positive.");
        }

        return decimal.Round(update.Price.Amount, update.Price.Currency.MinorUnitDecimals) != update.Price.Amount
            ? RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) has more decimals than {update.Price.Currency} has ({update.Price.Currency.MinorUnitDecimals}); round it in the price rules.")
            : null;
    }

    private static RecordResult ResultOf(PriceUpdate update, string sku, SkuOutcome outcome)
    {
        return outcome switch
        {
            { Succeeded: true } when update.CompareAtPrice is { } compareAt => new RecordResult(
                update.ArticleNumber,
                RecordOutcome.Warning,
                $"eBay took price {update.Price} for SKU {sku}; compare-at price not published on eBay: {compareAt} is not sent (bulkUpdatePriceQuantity carries no struck-through price)."),
            { Succeeded: true } => RecordResult.Success(update.ArticleNumber),
            _ => RecordResult.Failure(update.ArticleNumber, $"eBay did not take price {update.Price} for SKU {sku} (article {update.ArticleNumber}): {outcome.Reason}."),
        };
    }
}
