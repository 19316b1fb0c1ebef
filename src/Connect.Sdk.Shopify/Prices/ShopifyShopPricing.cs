using System.Collections.Concurrent;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using NodaTime;

namespace Connect.Sdk.Shopify.Prices;

/// <summary>
/// How a shop takes prices (<c>shop { currencyCode taxesIncluded }</c>), read in one query once per connection and
/// shop address and kept for <see cref="KeptFor"/>: every variant price is in that currency and on that basis, and a
/// shop changes either rarely (Settings › Store details, Settings › Taxes and duties), so a change reaches the price
/// sync within that time without one read per batch.
/// </summary>
internal sealed class ShopifyShopPricing(ShopifyGraphQLClient client, IClock clock)
{
    /// <summary>How long a read is used before the shop is read again.</summary>
    public static readonly Duration KeptFor = Duration.FromMinutes(15);

    private readonly ConcurrentDictionary<(string Connection, string Shop), (ShopPricing Pricing, Instant ReadAt)> _read = new();

    /// <summary>The shop's currency and whether its prices include tax.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How the shop takes prices.</returns>
    /// <exception cref="ConnectSdkException">Shopify's answer holds no currency code the SDK knows, or no <c>taxesIncluded</c>.</exception>
    public async Task<ShopPricing> OfAsync(ShopifySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = (session.ConnectionId, session.Settings.AccountKey);
        var now = clock.GetCurrentInstant();
        if (_read.TryGetValue(key, out var known) && now - known.ReadAt < KeptFor)
        {
            return known.Pricing;
        }

        var data = await client.SendAsync(session, ShopifyDocuments.ShopPricing, null, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyShopDataJson, cancellationToken).ConfigureAwait(false);
        if (!CurrencyCode.TryParse(data.Shop?.CurrencyCode, out var currency))
        {
            throw Unreadable(session, $"shop.currencyCode with '{data.Shop?.CurrencyCode}', not an ISO 4217 currency code");
        }

        // Shopify declares the field non-null (Boolean!): an answer without it is not one to guess the basis from.
        var taxesIncluded = data.Shop?.TaxesIncluded ?? throw Unreadable(session, "shop without taxesIncluded");
        var pricing = new ShopPricing(currency, taxesIncluded);
        _read[key] = (pricing, now);
        return pricing;
    }

    private static ConnectSdkException Unreadable(ShopifySession session, string what) =>
        new(ConnectSdkErrorCode.AnswerUnreadable, $"Shopify answered {what} (connection {session.ConnectionId}); no price was sent.")
        {
            ConnectionId = session.Connection.ConnectionId,
        };
}
