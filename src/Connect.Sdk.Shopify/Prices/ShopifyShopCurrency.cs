using System.Collections.Concurrent;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Wire;
using NodaTime;

namespace Connect.Sdk.Shopify.Prices;

/// <summary>
/// The currency a shop sells in (<c>shop { currencyCode }</c>), read once per connection and shop address and kept for
/// <see cref="KeptFor"/>: every variant price is in it, and a shop's currency changes rarely (Settings › Store
/// details), so a change reaches the price sync within that time without one read per batch.
/// </summary>
internal sealed class ShopifyShopCurrency(ShopifyGraphQLClient client, IClock clock)
{
    /// <summary>How long a read currency is used before it is read again.</summary>
    public static readonly Duration KeptFor = Duration.FromMinutes(15);

    private readonly ConcurrentDictionary<(string Connection, string Shop), (CurrencyCode Currency, Instant ReadAt)> _read = new();

    /// <summary>The shop's currency.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ConnectSdkException">Shopify's answer holds no currency code the SDK knows.</exception>
    public async Task<CurrencyCode> OfAsync(ShopifySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = (session.ConnectionId, session.Settings.AccountKey);
        var now = clock.GetCurrentInstant();
        if (_read.TryGetValue(key, out var known) && now - known.ReadAt < KeptFor)
        {
            return known.Currency;
        }

        var data = await client.SendAsync(session, ShopifyDocuments.ShopCurrency, null, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyShopDataJson, cancellationToken).ConfigureAwait(false);
        if (!CurrencyCode.TryParse(data.Shop?.CurrencyCode, out var currency))
        {
            throw new ConnectSdkException(ConnectSdkErrorCode.AnswerUnreadable, $"Shopify answered shop.currencyCode with '{data.Shop?.CurrencyCode}', not an ISO 4217 currency code (connection {session.ConnectionId}); no price was sent.")
            {
                ConnectionId = session.Connection.ConnectionId,
            };
        }

        _read[key] = (currency, now);
        return currency;
    }
}
