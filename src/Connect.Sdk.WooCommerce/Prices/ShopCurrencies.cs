using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>
/// The currency each connection's shop sells in, WooCommerce's setting <c>woocommerce_currency</c> read with
/// <c>GET /settings/general/woocommerce_currency</c> and kept per connection and store address, so a price batch costs
/// no extra call; a store address changed in the settings is read anew.
/// </summary>
internal sealed class ShopCurrencies(WooCommerceClient client)
{
    /// <summary>The setting option read, under <c>/wp-json/wc/v3/</c>.</summary>
    public const string Path = "settings/general/woocommerce_currency";

    private readonly ConcurrentDictionary<(ConnectionId Connection, Uri Store), CurrencyCode> _known = new();

    /// <summary>The shop's currency, from memory when known.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ConnectSdkException">The shop refused the read or answered something that is no currency.</exception>
    public async Task<CurrencyCode> OfAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        _known.TryGetValue(KeyOf(connection), out var known) ? known : await ReadAsync(connection, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the shop's currency again and keeps it, for a price that is in another currency than the one known.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ConnectSdkException">The shop refused the read or answered something that is no currency.</exception>
    public async Task<CurrencyCode> ReadAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        const string what = "the read of the shop's currency (woocommerce_currency)";
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

        _known[KeyOf(connection)] = currency;
        return currency;
    }

    private static (ConnectionId, Uri) KeyOf(ConnectionContext connection) => (connection.ConnectionId, WooCommerceClient.SettingsOf(connection).StoreUrl);
}
