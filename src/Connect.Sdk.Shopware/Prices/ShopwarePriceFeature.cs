using System.Text.Json.Nodes;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Prices;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Stock;
using Connect.Sdk.Shopware.Wire;

namespace Connect.Sdk.Shopware.Prices;

/// <summary>
/// Publishes prices as the product's <c>price</c> entry for the system default currency, <c>{currencyId, net, gross,
/// linked: true, listPrice}</c>, through the sync API; the compare-at price is the <c>listPrice</c> (null clears it).
/// Shopware keeps net and gross: the one the price is on is sent as it is, the other is derived with the product's tax
/// rate, rounded to cents. Entries for other currencies are written back unchanged. Before sending, each batch reads the
/// default currency and the Standard customer group's <c>displayGross</c>: a price in another currency, or on the other
/// basis, is refused for its article and nothing is sent for it; prices are never converted.
/// </summary>
internal sealed class ShopwarePriceFeature(ShopwareClient client, ProductDirectory directory, SyncSender sender) : IPriceFeature
{
    private readonly ProductWrites<PriceUpdate> _writes = new(directory, sender, u => (u.ArticleNumber, u.ForeignNumber, "price " + u.Price));

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => ShopwareApi.SyncBatchSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var (currency, basis) = await TermsAsync(connection, cancellationToken).ConfigureAwait(false);
        return await _writes.PushAsync(
            connection,
            batch,
            update => Refusal(update, currency, basis),
            (update, product) => product.Tax is { } tax
                ? (new ProductWriteJson(product.Id, Price: Entries(product, update, tax.TaxRate)), null)
                : (null, $"Shopware sent product {product.ProductNumber} without its tax (tax.taxRate), which the other of net and gross is derived with."),
            "product.price.sync",
            cancellationToken).ConfigureAwait(false);
    }

    private static string? Refusal(PriceUpdate update, CurrencyCode currency, PriceBasis basis)
    {
        if (update.Price.Currency != currency || (update.CompareAtPrice is { } compareAt && compareAt.Currency != currency))
        {
            return $"the price is in {update.Price.Currency}, but the Shopware shop's default currency is {currency}; prices are never converted.";
        }

        return update.Basis != basis
            ? $"the price is {Word(update.Basis)}, but the shop takes prices {Word(basis)} (its Standard customer group's displayGross is {(basis == PriceBasis.Gross ? "true" : "false")}); prices are never converted."
            : null;
    }

    private static string Word(PriceBasis basis) => basis == PriceBasis.Gross ? "gross" : "net";

    private static PriceWriteJson[] Entries(ProductJson product, PriceUpdate update, decimal taxRate)
    {
        var (net, gross) = Both(update.Price.Amount, update.Basis, taxRate);
        ListPriceWriteJson? list = null;
        if (update.CompareAtPrice is { } compareAt)
        {
            var (listNet, listGross) = Both(compareAt.Amount, update.Basis, taxRate);
            list = new ListPriceWriteJson(ShopwareApi.DefaultCurrencyId, listNet, listGross, true);
        }

        var others = (product.Price ?? []).Where(p => p.CurrencyId != ShopwareApi.DefaultCurrencyId).Select(p => p.ToWrite());
        return [new PriceWriteJson(ShopwareApi.DefaultCurrencyId, net, gross, true, list), .. others];
    }

    private static (decimal Net, decimal Gross) Both(decimal amount, PriceBasis basis, decimal taxRate)
    {
        var factor = 1m + (taxRate / 100m);
        return basis == PriceBasis.Gross
            ? (decimal.Round(amount / factor, 2, MidpointRounding.AwayFromZero), amount)
            : (amount, decimal.Round(amount * factor, 2, MidpointRounding.AwayFromZero));
    }

    private async Task<(CurrencyCode Currency, PriceBasis Basis)> TermsAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var byId = (string id) => new JsonObject { ["ids"] = new JsonArray(id), ["limit"] = 1, ["filter"] = new JsonArray(new JsonObject { ["type"] = "equals", ["field"] = "id", ["value"] = id }) };
        var currencies = await client.SearchAsync(connection, "currency", byId(ShopwareApi.DefaultCurrencyId), ShopwareJsonContext.Default.CurrencySearchJson, "the default currency", cancellationToken).ConfigureAwait(false);
        var groups = await client.SearchAsync(connection, "customer-group", byId(ShopwareApi.StandardCustomerGroupId), ShopwareJsonContext.Default.CustomerGroupSearchJson, "the Standard customer group", cancellationToken).ConfigureAwait(false);
        var iso = currencies.Data is [{ IsoCode: { } code }, ..] ? code : throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Shopware has no currency {ShopwareApi.DefaultCurrencyId} (the system default currency) or sent it without isoCode.") { ConnectionId = connection.ConnectionId };
        var gross = groups.Data is [{ DisplayGross: { } display }, ..] ? display : throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Shopware has no customer group {ShopwareApi.StandardCustomerGroupId} (the Standard customer group) or sent it without displayGross.") { ConnectionId = connection.ConnectionId };
        return (new CurrencyCode(iso), gross ? PriceBasis.Gross : PriceBasis.Net);
    }
}
