using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using NodaTime;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>
/// The currency each connection's shop sells in, WooCommerce's setting <c>woocommerce_currency</c> read with
/// <c>GET /settings/general/woocommerce_currency</c> and kept per connection and store address for <see cref="KeptFor"/>
/// on the SDK's clock, so a price batch costs no extra call and a shop that switches its currency is noticed within that
/// time, as the Shopify connector keeps its shop's; a store address changed in the settings is read anew.
/// </summary>
internal sealed class ShopCurrencies(WooCommerceClient client, IClock clock)
{
    /// <summary>The setting option read, under <c>/wp-json/wc/v3/</c>.</summary>
    public const string Path = "settings/general/woocommerce_currency";

    /// <summary>How long a read currency is used before it is read again.</summary>
    public static readonly Duration KeptFor = Duration.FromMinutes(15);

    private readonly ConcurrentDictionary<(ConnectionId Connection, Uri Store), (CurrencyCode Currency, Instant ReadAt)> _known = new();

    /// <summary>The shop's currency as read less than <see cref="KeptFor"/> ago.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The currency; <see langword="null"/> when it was never read or is kept no longer.</returns>
    /// <exception cref="ConnectSdkException">The store address setting is invalid.</exception>
    public CurrencyCode? Kept(ConnectionContext connection) =>
        _known.TryGetValue(KeyOf(connection), out var known) && clock.GetCurrentInstant() - known.ReadAt < KeptFor ? known.Currency : null;

    /// <summary>Reads the shop's currency and keeps it: when none is kept, or for a price in another currency than the one kept.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ConnectSdkException">The shop refused the read or answered something that is no currency.</exception>
    public async Task<CurrencyCode> ReadAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        const string what = "the read of the shop's currency (woocommerce_currency)";
        // Taken before the read: the currency is at least as fresh as this instant.
        var readAt = clock.GetCurrentInstant();
        var response = await client.SendAsync(connection, WooCommerceCall.Get(Path, "settings.get"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WooCommerceClient.Refused(connection, response, what);
        }

        var setting = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooPriceSettingJson, what);
        CurrencyCode currency;
        try
        {
            currency = new CurrencyCode(setting.Value);
        }
        catch (ArgumentException ex)
        {
            throw new ConnectSdkException($"WooCommerce answered {what} with '{ErrorText.OneLine(setting.Value, WooCommerceClient.MaxMessageLength)}', which is no ISO 4217 currency code (three letters such as EUR).", ex)
            {
                ConnectionId = connection.ConnectionId,
            };
        }

        _known[KeyOf(connection)] = (currency, readAt);
        return currency;
    }

    private static (ConnectionId, Uri) KeyOf(ConnectionContext connection) => (connection.ConnectionId, WooCommerceClient.SettingsOf(connection).StoreUrl);
}
