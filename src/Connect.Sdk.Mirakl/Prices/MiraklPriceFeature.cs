using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Imports;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Mirakl.Prices;

/// <summary>
/// Publishes prices through Mirakl's price import (PRI01 <c>POST /api/offers/pricing/imports</c>, a CSV
/// <c>"offer-sku";"price";"discount-price"</c>), polled (PRI02) and read back line by line (PRI03). A price with a
/// compare-at price goes out as <c>price</c> (the struck-through one) and <c>discount-price</c> (what the buyer pays);
/// without one, <c>discount-price</c> is empty. A price in another currency than the shop's (A01
/// <c>currency_iso_code</c>), on another basis than the operator's (the connection's <c>priceBasis</c> setting: no
/// seller API tells it), with more decimals than the currency has, or a compare-at price not above the price, fails
/// its record and is never converted.
/// </summary>
internal sealed class MiraklPriceFeature(MiraklClient client, OfferFileImport import) : IPriceFeature
{
    private static readonly string[] Header = ["offer-sku", "price", "discount-price"];

    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => Stock.MiraklStockFeature.FileSize;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = MiraklClient.SettingsOf(connection);
        var account = await client.ReadAsync(connection, MarketplaceCall.Get("account", "account.get"), MiraklJsonContext.Default.MiraklAccountJson, "the shop's account", cancellationToken).ConfigureAwait(false);
        if (!CurrencyCode.TryParse(account.CurrencyIsoCode, out var currency))
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Mirakl answered the shop's account without a currency (currency_iso_code '{account.CurrencyIsoCode}'); no price is sent.") { ConnectionId = connection.ConnectionId };
        }

        var results = new RecordResult?[batch.Count];
        var sent = new List<(int Index, string[] Line)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            ArgumentNullException.ThrowIfNull(update, nameof(batch));
            if (Problem(update, currency, settings.PriceBasis) is { } problem)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} ({update.ForeignNumber.Label} {update.ForeignNumber.Value}): {problem}");
                continue;
            }

            sent.Add((i, update.CompareAtPrice is { } was
                ? [update.ForeignNumber.Value, Wire(was), Wire(update.Price)]
                : [update.ForeignNumber.Value, Wire(update.Price), string.Empty]));
        }

        if (sent.Count > 0)
        {
            var outcomes = await import.RunAsync(connection, OfferImportKind.Pricing, Header, [.. sent.Select(s => (IReadOnlyList<string>)s.Line)], cancellationToken).ConfigureAwait(false);
            for (var n = 0; n < sent.Count; n++)
            {
                var update = batch[sent[n].Index];
                results[sent[n].Index] = outcomes[n] is { } refused
                    ? RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (shop SKU {update.ForeignNumber.Value}, price {update.Price}): {refused}.")
                    : RecordResult.Success(update.ArticleNumber);
            }
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }

    private static string? Problem(PriceUpdate update, CurrencyCode currency, PriceBasis basis)
    {
        if (update.ForeignNumber.Label != ForeignNumberLabel.MiraklShopSku)
        {
            return $"not a Mirakl shop SKU ({ForeignNumberLabel.MiraklShopSku}).";
        }

        foreach (var (name, amount) in new[] { ("price", (Money?)update.Price), ("compare-at price", update.CompareAtPrice) })
        {
            if (amount is not { } value)
            {
                continue;
            }

            if (value.Currency != currency)
            {
                return $"the {name} {value} is not in the shop's currency {currency} (Mirakl A01 currency_iso_code); prices are never converted.";
            }

            if (value.Amount <= 0 || decimal.Round(value.Amount, currency.MinorUnitDecimals) != value.Amount)
            {
                return $"the {name} {value} is not a positive amount in {currency}'s minor unit; it is never rounded here.";
            }
        }

        if (update.Basis != basis)
        {
            return $"the price {update.Price} is {Name(update.Basis)}, but this operator takes prices {Name(basis)} (setting {MiraklConnector.PriceBasisKey}); prices are never converted.";
        }

        return update.CompareAtPrice is { } compareAt && compareAt.Amount <= update.Price.Amount
            ? $"the compare-at price {compareAt} is not above the price {update.Price}; Mirakl takes a discount price below the price only."
            : null;
    }

    private static string Name(PriceBasis basis) => basis == PriceBasis.Gross ? "gross (with VAT)" : "net (without VAT)";

    private static string Wire(Money amount) =>
        amount.Amount.ToString("F" + amount.Currency.MinorUnitDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
