using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Stock;
using Connect.Sdk.Kaufland.Wire;
using Connect.Sdk.Prices;

namespace Connect.Sdk.Kaufland.Prices;

/// <summary>
/// Publishes each unit's <c>listing_price</c>: integer cents of the storefront's currency, one
/// <c>PATCH /units/{id_unit}</c> per record (<see cref="UnitWriter"/>). Kaufland sells to consumers at prices with VAT
/// included, so a net price, a price in another currency than the storefront's, or one that is not whole cents fails
/// its record and is never converted or rounded. Kaufland has no struck-through price a seller sets: a compare-at price
/// is not sent, and the record says so as a warning.
/// </summary>
internal sealed class KauflandPriceFeature(UnitWriter units) : IPriceFeature
{
    /// <inheritdoc />
    public FeatureKind Kind => FeatureKind.Prices;

    /// <inheritdoc />
    public int MaxBatchSize => KauflandApi.MaxPageSize;

    /// <summary>The listing price of an update in integer cents, or why Kaufland must not get it.</summary>
    /// <param name="update">The update.</param>
    /// <param name="settings">The connection's storefront.</param>
    /// <param name="cents">The cents, when the price can be sent.</param>
    /// <param name="problem">Otherwise the reason, for the record's message (without the article).</param>
    /// <returns>Whether the price can be sent.</returns>
    public static bool TryListingPrice(PriceUpdate update, KauflandSettings settings, out long cents, out string problem)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(settings);
        cents = 0;
        var price = update.Price;
        if (price.Currency != settings.Currency)
        {
            problem = $"the price {price} is not in the currency of storefront {settings.Storefront}, {settings.Currency}; prices are never converted.";
            return false;
        }

        if (update.Basis != PriceBasis.Gross)
        {
            // Kaufland shows and charges listing_price as it is: a net price would sell below the ERP's by the VAT.
            problem = $"the price {price} is net, but Kaufland takes listing prices gross (consumer prices, VAT included); prices are never converted.";
            return false;
        }

        var inCents = price.Amount * 100m;
        if (inCents != decimal.Truncate(inCents))
        {
            problem = $"the price {price} is not a whole number of cents; Kaufland's listing_price is integer cents, and the price is never rounded.";
            return false;
        }

        if (inCents < 1m || inCents > long.MaxValue)
        {
            problem = $"the price {price} is not a listing price Kaufland takes (at least 0.01 {settings.Currency}).";
            return false;
        }

        cents = (long)inCents;
        problem = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public async ValueTask<BatchResult> PushPricesAsync(ConnectionContext connection, IReadOnlyList<PriceUpdate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(batch);
        var settings = KauflandClient.SettingsOf(connection);
        var results = new List<RecordResult>(batch.Count);
        foreach (var update in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(update, nameof(batch));
            if (!UnitWriter.TryUnitId(update.ArticleNumber, update.ForeignNumber, out var unitId, out var failure))
            {
                results.Add(failure);
                continue;
            }

            if (!TryListingPrice(update, settings, out var cents, out var problem))
            {
                results.Add(RecordResult.Failure(update.ArticleNumber, string.Create(CultureInfo.InvariantCulture, $"Article {update.ArticleNumber} (unit {unitId}): {problem}")));
                continue;
            }

            var result = await units.WriteAsync(connection, update.ArticleNumber, unitId, new KauflandUnitPatchJson(ListingPrice: cents), string.Create(CultureInfo.InvariantCulture, $"listing_price {cents}"), cancellationToken).ConfigureAwait(false);
            results.Add(update.CompareAtPrice is { } compareAt && result.Outcome == RecordOutcome.Succeeded
                ? new RecordResult(update.ArticleNumber, RecordOutcome.Warning, string.Create(CultureInfo.InvariantCulture, $"Kaufland accepted price {update.Price} for unit {unitId}; compare-at price not published on Kaufland: {compareAt} is not sent (Kaufland shows no struck-through price a seller sets)."))
                : result);
        }

        return new BatchResult(results);
    }
}
