using System.Globalization;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Listings;
using Connect.Sdk.Amazon.Wire;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Prices;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Amazon.Prices;

/// <summary>
/// Publishes the offer price of a seller SKU with the Listings Items API: one <c>patchListingsItem</c> per SKU that
/// merges the <c>purchasable_offer</c> of the connection's one marketplace (audience <c>ALL</c>, the marketplace's
/// currency) with an <c>our_price</c> schedule of one <c>value_with_tax</c>. The offer is the same for a SKU Amazon
/// fulfils (<c>SKU_FBA</c>) and one the merchant fulfils (<c>SKU_FBM</c>): the seller prices both.
/// </summary>
/// <remarks>
/// A connection with prices has one marketplace (<see cref="PriceMarketplace"/>): a price computed with the article's one
/// VAT rate is right in one country only, so a connection on several marketplaces has every price refused, saying to use
/// one connection per country. A price in another currency than the marketplace's, or on another basis than its
/// <c>our_price</c> takes (<see cref="AmazonMarketplacePriceBases"/>: gross in Europe, net in the US), is refused for its
/// record and never converted. Amazon has no seller-set struck-through price: a compare-at price is not sent and its
/// record is a warning saying so. A price is absolute, so the patch is idempotent and retried by the HTTP foundation; a
/// call that still fails (no answer, 429 or 5xx after the retries) throws, which fails the batch.
/// </remarks>
internal sealed class AmazonPriceFeature(AmazonApiClient client, ILogger logger) : IPriceFeature
{
    /// <summary>The audience of the consumer offer (business offers are <c>B2B</c> and left alone).</summary>
    public const string AllAudience = "ALL";

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <summary>SKUs per call of the SDK; each is its own request to Amazon, as with stock.</summary>
    public int MaxBatchSize => 20;

    /// <inheritdoc />
    public ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken) =>
        ListingsItem.PatchEachAsync(
            connection,
            batch,
            async (settings, update, token) =>
            {
                var marketplace = PriceMarketplace.Of(settings.MarketplaceIds);
                return Refusal(update, marketplace) ?? await PushOneAsync(settings, marketplace, update, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>The body of the patch: the consumer offer of the connection's marketplace at this price.</summary>
    /// <param name="marketplaceId">The connection's marketplace, selling in the price's currency.</param>
    /// <param name="price">The price.</param>
    /// <returns>The JSON body.</returns>
    internal static string PatchBody(string marketplaceId, Money price)
    {
        var value = decimal.Parse(price.Amount.ToString("F" + price.Currency.MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        PurchasableOfferJson[] offers = [new(marketplaceId, price.Currency.Value, AllAudience, [new OfferPriceJson([new PriceScheduleJson(value)])])];
        var patch = new ListingsPatchJson("merge", "/attributes/purchasable_offer", JsonSerializer.SerializeToElement(offers, AmazonJsonContext.Default.PurchasableOfferJsonArray));
        return JsonSerializer.Serialize(new ListingsPatchRequestJson(ListingsItem.OfferProductType, [patch]), AmazonJsonContext.Default.ListingsPatchRequestJson);
    }

    private static RecordResult? Refusal(PriceUpdate update, PriceMarketplace marketplace)
    {
        var sku = update.ForeignNumber.Value;
        if (update.ForeignNumber.Label != ForeignNumberLabel.SkuFbm && update.ForeignNumber.Label != ForeignNumberLabel.SkuFba)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} has foreign number {update.ForeignNumber.Label} '{sku}'; an Amazon price needs a seller SKU (SKU_FBM or SKU_FBA).");
        }

        if (marketplace.Problem is { } problem)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is not sent: {problem}");
        }

        if (update.Price.Currency != marketplace.Currency)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is in {update.Price.Currency}, but Amazon marketplace {marketplace.Id} ({marketplace.Country}) sells in {marketplace.Currency}; prices are never converted.");
        }

        if (update.Basis != marketplace.Basis)
        {
            return RecordResult.Failure(
                update.ArticleNumber,
                $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is {update.Basis.ToString().ToLowerInvariant()}, but Amazon marketplace {marketplace.Id} ({marketplace.Country}) takes prices {marketplace.Basis.ToString().ToLowerInvariant()} "
                + $"(our_price value_with_tax {(marketplace.Basis == PriceBasis.Gross ? "includes VAT" : "excludes the sales tax Amazon adds at checkout")} in {marketplace.Country}); prices are never converted.");
        }

        if (update.Price.Amount <= 0)
        {
            return RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) is not above 0; Amazon's our_price needs a positive value_with_tax.");
        }

        return decimal.Round(update.Price.Amount, update.Price.Currency.MinorUnitDecimals) != update.Price.Amount
            ? RecordResult.Failure(update.ArticleNumber, $"Price {update.Price} of article {update.ArticleNumber} (SKU {sku}) has more decimals than {update.Price.Currency} has ({update.Price.Currency.MinorUnitDecimals}); round it in the price rules.")
            : null;
    }

    private async Task<RecordResult> PushOneAsync(AmazonConnectionSettings settings, PriceMarketplace marketplace, PriceUpdate update, CancellationToken cancellationToken)
    {
        var sku = update.ForeignNumber.Value;
        var what = $"price {update.Price}";

        // No answer after the retries throws from here: the call failed, not the record.
        var response = await client.SendAsync(settings, AmazonOperation.PatchListingsItem, HttpMethod.Patch, ListingsItem.PathOf(settings, sku), PatchBody(marketplace.Id, update.Price), cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            // Still refused after the foundation's retries: Amazon is not taking patches now, which is no record's fault;
            // the code follows the status (Throttled, MarketplaceUnavailable).
            throw AmazonCalls.Refused(settings, AmazonOperation.PatchListingsItem, response, $"{what} for SKU {sku}");
        }

        var result = ListingsItem.ResultOf(update.ArticleNumber, sku, what, response, settings, logger);
        return update.CompareAtPrice is { } compareAt && result.Outcome is RecordOutcome.Succeeded or RecordOutcome.Warning
            ? new RecordResult(update.ArticleNumber, RecordOutcome.Warning, CompareAtNotPublished(result, sku, update.Price, compareAt))
            : result;
    }

    // Amazon's list_price is the manufacturer's suggested retail price, a product fact Amazon decides to show or not; it is
    // not a price the seller strikes through, so the ERP's compare-at price is not sent as one.
    private static string CompareAtNotPublished(RecordResult result, string sku, Money price, Money compareAt)
    {
        var note = $"compare-at price not published on Amazon: {compareAt} is not sent for SKU {sku} (Amazon shows no struck-through price a seller sets; list_price is the manufacturer's suggested retail price)";
        return result.Outcome == RecordOutcome.Warning ? $"{result.Message}; {note}" : $"Amazon accepted price {price} for SKU {sku}; {note}.";
    }
}
