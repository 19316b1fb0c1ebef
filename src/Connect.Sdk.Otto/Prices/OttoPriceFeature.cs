using System.Globalization;
using System.Net;
using System.Text.Json;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Http;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Wire;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Otto.Prices;

/// <summary>
/// Publishes prices with <c>POST /v4/products/prices</c>, up to 500 a request, each
/// <c>{sku, standardPrice{amount, currency}, msrp?}</c>: the gross price in EUR, and the compare-at price as <c>msrp</c>
/// (OTTO shows the manufacturer's recommended price struck through). OTTO takes gross euros only: a price on the net
/// basis, or in another currency, fails its record and is never converted; so does an amount with fractions of a cent.
/// OTTO answers 202 and processes the prices later; a batch it does not accept throws, so the SDK fails the batch and
/// sends it again. Absolute prices make a batch safe to send twice.
/// </summary>
internal sealed class OttoPriceFeature(OttoClient client) : IPriceFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => OttoApi.MaxPriceBatch;

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new RecordResult?[batch.Count];
        var items = new List<int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var update = batch[i];
            ArgumentNullException.ThrowIfNull(update, nameof(batch));
            if (Problem(update) is { } problem)
            {
                results[i] = RecordResult.Failure(update.ArticleNumber, $"Article {update.ArticleNumber} (SKU {update.ForeignNumber.Value}): {problem}");
            }
            else
            {
                items.Add(i);
            }
        }

        foreach (var chunk in items.Chunk(MaxBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = JsonSerializer.Serialize(
                chunk.Select(i => new OttoPriceJson(batch[i].ForeignNumber.Value, Amount(batch[i].Price), batch[i].CompareAtPrice is { } msrp ? Amount(msrp) : null)).ToArray(),
                OttoJsonContext.Default.OttoPriceJsonArray);
            var response = await client.SendAsync(connection, new MarketplaceCall(HttpMethod.Post, "v4/products/prices", OttoOperation.PricesUpdate) { Body = body, Idempotent = true }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw OttoClient.Refused(response, "the price batch");
            }

            foreach (var i in chunk)
            {
                results[i] = RecordResult.Success(batch[i].ArticleNumber);
            }
        }

        return new BatchResult(results.Select((r, i) => r ?? RecordResult.Failure(batch[i].ArticleNumber, $"Article {batch[i].ArticleNumber}: no result.")));
    }

    private static OttoAmountJson Amount(Money money) => new(money.Amount, money.Currency.ToString());

    private static string? Problem(PriceUpdate update)
    {
        foreach (var (what, amount) in new[] { ("price", (Money?)update.Price), ("compare-at price", update.CompareAtPrice) })
        {
            if (amount is not { } money)
            {
                continue;
            }

            if (money.Currency != OttoApi.Currency)
            {
                return $"the {what} {money} is not in EUR, the currency OTTO Market sells in; prices are never converted.";
            }

            if (decimal.Round(money.Amount, 2) != money.Amount || money.Amount < 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the {what} {money.Amount} is not an amount in euros and cents, which OTTO Market's standardPrice and msrp take.");
            }
        }

        return update.Basis == PriceBasis.Gross
            ? null
            : $"the price {update.Price} is net, but OTTO Market takes prices gross (standardPrice is what the customer pays); prices are never converted.";
    }
}
