using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Shopify.Catalog;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;

namespace Connect.Sdk.Shopify.Prices;

/// <summary>
/// Publishes each article's price and compare-at price on its variant with <c>productVariantsBulkUpdate</c>, one call
/// per product: a batch is grouped by the variants' products, which are read first (a <c>shopifyvariantid</c> through
/// the variant's product, a <c>shopifyproductid</c> is the product of its one default variant). A price in another
/// currency than the shop's, or on another basis than the shop's <c>taxesIncluded</c> says (gross when true, net when
/// false), is refused for its article, never converted.
/// </summary>
/// <remarks>
/// Shopify applies a call's variants all or none (<c>allowPartialUpdates</c> is left false, because with it Shopify
/// only says valid changes "may be persisted"), and names a refused variant by its position in <c>userErrors.field</c>;
/// so a refused variant fails alone and the product's others go again without it.
/// </remarks>
internal sealed class ShopifyPriceFeature(ShopifyGraphQLClient client, ShopifyVariantFinder finder, ShopifyShopPricing shopPricing) : IPriceFeature
{
    /// <summary>The most prices one batch (and so one call) holds: Shopify refuses an input list above 250 items.</summary>
    public const int BatchSize = 250;

    // A product's call is sent again without the variants Shopify refused (it applies all or none); this bounds the rounds.
    private const int MaxRounds = 4;

    private static readonly VariantReads Reads = new(ShopifyDocuments.PriceVariant, ShopifyDocuments.PriceProduct);

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => BatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        var pricing = await shopPricing.OfAsync(session, cancellationToken).ConfigureAwait(false);

        var results = new Dictionary<string, RecordResult>(StringComparer.Ordinal);
        var pending = new List<PendingPrice>();
        foreach (var update in batch)
        {
            if (Refusal(update, pricing) is { } refused)
            {
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, refused);
                continue;
            }

            var found = await finder.FindAsync(session, update.ForeignNumber, Reads, null, cancellationToken).ConfigureAwait(false);
            if (found.Variant?.Id is { } variantGid && found.ProductGid is { } productGid)
            {
                pending.Add(new PendingPrice(update, variantGid, productGid));
            }
            else
            {
                results[update.ArticleNumber] = RecordResult.Failure(update.ArticleNumber, $"price {update.Price} of article {update.ArticleNumber} not sent: {found.Problem ?? $"Shopify showed no product for {found.What}"}");
            }
        }

        foreach (var product in pending.GroupBy(p => p.ProductGid, StringComparer.Ordinal))
        {
            var variants = new List<PendingPrice>();
            foreach (var price in product)
            {
                if (variants.Find(v => v.VariantGid == price.VariantGid) is { } first)
                {
                    results[price.Update.ArticleNumber] = RecordResult.Failure(price.Update.ArticleNumber, $"price {price.Update.Price} of article {price.Update.ArticleNumber} not sent: {Name(price.Update)} is the variant article {first.Update.ArticleNumber} has too, and one variant has one price");
                }
                else
                {
                    variants.Add(price);
                }
            }

            await SendProductAsync(session, product.Key, variants, results, cancellationToken).ConfigureAwait(false);
        }

        return new BatchResult(batch.Select(u => results[u.ArticleNumber]));
    }

    // Why a price cannot go to this shop as it is; null when it can.
    private static string? Refusal(PriceUpdate update, ShopPricing shop)
    {
        if (update.Basis != shop.Basis)
        {
            return $"price {update.Price} of article {update.ArticleNumber} ({Name(update)}) refused: it is {Word(update.Basis)}, but the shop takes prices {Word(shop.Basis)} (its taxesIncluded is {(shop.TaxesIncluded ? "true" : "false")}); prices are never converted; set the connection's price basis to {Word(shop.Basis)} or change the shop's tax setting";
        }

        var shopCurrency = shop.Currency;
        foreach (var (what, money) in new[] { ("price", (Money?)update.Price), ("compare-at price", update.CompareAtPrice) })
        {
            if (money is not { } amount)
            {
                continue;
            }

            if (amount.Currency != shopCurrency)
            {
                return $"{what} {amount} of article {update.ArticleNumber} ({Name(update)}) refused: the Shopify shop sells in {shopCurrency}, not {amount.Currency}, and prices are never converted; set the connection's price currency to {shopCurrency}";
            }

            if (Amount(amount) is null)
            {
                return $"{what} {amount} of article {update.ArticleNumber} ({Name(update)}) refused: Shopify keeps {amount.Currency} prices to {amount.Currency.MinorUnitDecimals} decimals, and the SDK does not round a price on its way out";
            }
        }

        return null;
    }

    // The amount as Shopify's Money scalar takes it: an invariant decimal string with the currency's minor unit.
    private static string? Amount(Money money)
    {
        var digits = money.Currency.MinorUnitDecimals;
        var rounded = decimal.Round(money.Amount, digits, MidpointRounding.AwayFromZero);
        return rounded == money.Amount ? rounded.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;
    }

    private static string Word(PriceBasis basis) => basis == PriceBasis.Gross ? "gross" : "net";

    private static string Name(PriceUpdate update) => $"{update.ForeignNumber.Label} {update.ForeignNumber.Value}";

    private async Task SendProductAsync(ShopifySession session, string productGid, List<PendingPrice> pending, Dictionary<string, RecordResult> results, CancellationToken cancellationToken)
    {
        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > MaxRounds)
            {
                foreach (var left in pending)
                {
                    results[left.Update.ArticleNumber] = RecordResult.Failure(left.Update.ArticleNumber, $"Shopify refused the prices of product {ShopifyGid.IdOf(productGid)} {MaxRounds} times for other variants, so price {left.Update.Price} of article {left.Update.ArticleNumber} was not sent; the next run sends it again");
                }

                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var data = await client.SendAsync(session, ShopifyDocuments.UpdatePrices, Variables(productGid, pending), ShopifyJsonContext.Default.ShopifyResponseJsonShopifyVariantsBulkUpdateDataJson, cancellationToken).ConfigureAwait(false);
            var payload = data.ProductVariantsBulkUpdate
                ?? throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Shopify answered productVariantsBulkUpdate without its payload (connection {session.ConnectionId}).") { ConnectionId = session.Connection.ConnectionId };
            pending = Settle(session, productGid, pending, payload.UserErrors ?? [], results);
        }
    }

    // Records what Shopify's answer settles and returns what goes again: with errors, Shopify applied nothing.
    private static List<PendingPrice> Settle(ShopifySession session, string productGid, List<PendingPrice> pending, IReadOnlyList<ShopifyUserErrorJson> errors, Dictionary<string, RecordResult> results)
    {
        if (errors.Count == 0)
        {
            foreach (var sent in pending)
            {
                results[sent.Update.ArticleNumber] = RecordResult.Success(sent.Update.ArticleNumber);
            }

            return [];
        }

        var (byIndex, general) = UserErrorsByPosition.Of(errors, "variants", pending.Count);
        if (general.Count > 0)
        {
            // An error not tied to one variant (the product) refuses every price of the call alike.
            var why = session.Redactor.Redact(string.Join("; ", general.Select(e => e.Describe())));
            foreach (var sent in pending)
            {
                results[sent.Update.ArticleNumber] = RecordResult.Failure(sent.Update.ArticleNumber, $"Shopify refused price {sent.Update.Price} of article {sent.Update.ArticleNumber} ({Name(sent.Update)}) with the other prices of product {ShopifyGid.IdOf(productGid)}: {why}");
            }

            return [];
        }

        foreach (var (index, error) in byIndex)
        {
            var refused = pending[index].Update;
            results[refused.ArticleNumber] = RecordResult.Failure(refused.ArticleNumber, $"Shopify refused price {refused.Price} of article {refused.ArticleNumber} ({Name(refused)}): {session.Redactor.Redact(error.Describe())}");
        }

        return pending.Where((_, i) => !byIndex.ContainsKey(i)).ToList();
    }

    private static JsonObject Variables(string productGid, List<PendingPrice> pending) => new()
    {
        ["productId"] = productGid,
        ["variants"] = new JsonArray([.. pending.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.VariantGid,
            ["price"] = Amount(p.Update.Price),

            // An explicit null clears a compare-at price the shop shows.
            ["compareAtPrice"] = p.Update.CompareAtPrice is { } compareAt ? Amount(compareAt) : null,
        })]),
    };
}
