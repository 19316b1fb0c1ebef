using System.Collections.Concurrent;
using Connect.Sdk.Connectors;
using Connect.Sdk.Http;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Wire;
using NodaTime;

namespace Connect.Sdk.WooCommerce.Prices;

/// <summary>
/// What each connection's shop takes prices in (<see cref="ShopPriceTerms"/>), WooCommerce's settings
/// <c>woocommerce_currency</c> and <c>woocommerce_prices_include_tax</c> read with <c>GET /settings/{group}/{id}</c> and
/// kept per connection and store address for <see cref="KeptFor"/> on the SDK's clock, so a price batch costs no extra
/// call and a shop that switches its currency or its tax option is noticed within that time, as the Shopify connector
/// keeps its shop's; a store address changed in the settings is read anew.
/// </summary>
internal sealed class ShopPriceSettings(WooCommerceClient client, IClock clock)
{
    /// <summary>The currency option read, under <c>/wp-json/wc/v3/</c>.</summary>
    public const string CurrencyPath = "settings/general/woocommerce_currency";

    /// <summary>The tax option read, under <c>/wp-json/wc/v3/</c>.</summary>
    public const string PricesIncludeTaxPath = "settings/tax/woocommerce_prices_include_tax";

    /// <summary>How long read terms are used before they are read again.</summary>
    public static readonly Duration KeptFor = Duration.FromMinutes(15);

    private readonly ConcurrentDictionary<(ConnectionId Connection, Uri Store), (ShopPriceTerms Terms, Instant ReadAt)> _known = new();

    /// <summary>The shop's terms as read less than <see cref="KeptFor"/> ago.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The terms; <see langword="null"/> when they were never read or are kept no longer.</returns>
    /// <exception cref="ConnectSdkException">The store address setting is invalid.</exception>
    public ShopPriceTerms? Kept(ConnectionContext connection) =>
        _known.TryGetValue(KeyOf(connection), out var known) && clock.GetCurrentInstant() - known.ReadAt < KeptFor ? known.Terms : null;

    /// <summary>Reads the shop's terms and keeps them: when none are kept, or for a price they would refuse.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ConnectSdkException">The shop refused a read or answered something that is no currency, or neither yes nor no.</exception>
    public async Task<ShopPriceTerms> ReadAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        // Taken before the reads: the terms are at least as fresh as this instant.
        var readAt = clock.GetCurrentInstant();
        var currencyText = await ReadOptionAsync(connection, CurrencyPath, "the read of the shop's currency (woocommerce_currency)", cancellationToken).ConfigureAwait(false);
        CurrencyCode currency;
        try
        {
            currency = new CurrencyCode(currencyText);
        }
        catch (ArgumentException ex)
        {
            throw Unreadable(connection, "the read of the shop's currency (woocommerce_currency)", currencyText, "which is no ISO 4217 currency code (three letters such as EUR)", ex);
        }

        const string taxRead = "the read of the shop's tax option (woocommerce_prices_include_tax)";
        var includesTax = await ReadOptionAsync(connection, PricesIncludeTaxPath, taxRead, cancellationToken).ConfigureAwait(false) switch
        {
            "yes" => true,
            "no" => false,
            var other => throw Unreadable(connection, taxRead, other, "which is neither yes nor no", inner: null),
        };

        var terms = new ShopPriceTerms(currency, includesTax);
        _known[KeyOf(connection)] = (terms, readAt);
        return terms;
    }

    private async Task<string> ReadOptionAsync(ConnectionContext connection, string path, string what, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(connection, WooCommerceCall.Get(path, "settings.get"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WooCommerceClient.Refused(connection, response, what);
        }

        return WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooPriceSettingJson, what).Value;
    }

    private static ConnectSdkException Unreadable(ConnectionContext connection, string what, string value, string why, Exception? inner) =>
        new($"WooCommerce answered {what} with '{ErrorText.OneLine(value, WooCommerceClient.MaxMessageLength)}', {why}.", inner)
        {
            ConnectionId = connection.ConnectionId,
        };

    private static (ConnectionId, Uri) KeyOf(ConnectionContext connection) => (connection.ConnectionId, WooCommerceClient.SettingsOf(connection).StoreUrl);
}
