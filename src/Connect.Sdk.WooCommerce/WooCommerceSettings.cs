using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.WooCommerce;

/// <summary>
/// A connection's plain WooCommerce settings, validated: the store's address and the optional request rate. The keys
/// are <see cref="WooCommerceConnector.StoreUrlKey"/> and <see cref="WooCommerceConnector.RequestsPerSecondKey"/>.
/// </summary>
/// <remarks>
/// Only HTTPS store addresses are accepted, except on loopback: over plain HTTP WooCommerce does not take HTTP Basic
/// credentials (it expects OAuth 1.0a signatures), and Basic over plain HTTP would put the consumer secret on the wire
/// in clear text. Loopback is allowed for a local test shop and the fake.
/// </remarks>
internal sealed record WooCommerceSettings(Uri StoreUrl, double? RequestsPerSecond)
{
    /// <summary>
    /// The highest request rate the setting takes: far above what any shop's host allows, and low enough that the
    /// burst the pacing derives from it (the rate rounded up) stays a small whole number.
    /// </summary>
    public const int MaxRequestsPerSecond = 1000;

    /// <summary>The REST API's base address, <c>{store}/wp-json/wc/v3/</c>.</summary>
    public Uri ApiAddress => new(StoreUrl, WooCommerceApi.Root);

    /// <summary>The rate-budget account of the store: connections to one store share its budget.</summary>
    public string Account => "woocommerce:" + StoreUrl.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant();

    /// <summary>Reads and validates the settings of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting, and the setting's key.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryRead(ConnectionContext connection, out WooCommerceSettings settings, out (string Message, string Key) problem)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return TryParse(connection.Settings.Get(WooCommerceConnector.StoreUrlKey), connection.Settings.Get(WooCommerceConnector.RequestsPerSecondKey), out settings, out problem);
    }

    /// <summary>Validates the settings' texts.</summary>
    /// <param name="storeUrl">The store address as entered.</param>
    /// <param name="requestsPerSecond">The optional request rate as entered.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting, and the setting's key.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryParse(string? storeUrl, string? requestsPerSecond, out WooCommerceSettings settings, out (string Message, string Key) problem)
    {
        settings = null!;
        if (string.IsNullOrWhiteSpace(storeUrl))
        {
            problem = ($"The WooCommerce store URL ({WooCommerceConnector.StoreUrlKey}) is empty.", WooCommerceConnector.StoreUrlKey);
            return false;
        }

        if (StoreProblem(storeUrl, out var store) is { } storeProblem)
        {
            problem = (storeProblem.Message, storeProblem.Key);
            return false;
        }

        if (RateProblem(requestsPerSecond, out var rate) is { } rateProblem)
        {
            problem = (rateProblem.Message, rateProblem.Key);
            return false;
        }

        problem = default;
        settings = new WooCommerceSettings(store, rate);
        return true;
    }

    /// <summary>The problems of the plain settings that are filled (an empty one is checked when a feature goes into integration mode).</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var storeUrl = settings.Get(WooCommerceConnector.StoreUrlKey);
        SettingProblem?[] problems =
        [
            string.IsNullOrWhiteSpace(storeUrl) ? null : StoreProblem(storeUrl, out _),
            RateProblem(settings.Get(WooCommerceConnector.RequestsPerSecondKey), out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static SettingProblem? StoreProblem(string storeUrl, out Uri store)
    {
        store = null!;
        if (AddressSetting.LengthProblem(WooCommerceConnector.StoreUrlKey, $"The WooCommerce store URL ({WooCommerceConnector.StoreUrlKey})", storeUrl) is { } tooLong)
        {
            return tooLong;
        }

        if (!Uri.TryCreate(storeUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            // The URL is not repeated: one pasted with ck_…:cs_…@ or ?consumer_key=…&consumer_secret=… would carry the secret.
            return new(WooCommerceConnector.StoreUrlKey, $"The WooCommerce store URL ({WooCommerceConnector.StoreUrlKey}) is not an address such as https://shop.example.com/ (no user info, no query string).");
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            return new(WooCommerceConnector.StoreUrlKey, $"The WooCommerce store URL ({WooCommerceConnector.StoreUrlKey}) for {uri.Host} uses plain HTTP: WooCommerce accepts the consumer key and secret only over HTTPS (plain HTTP needs OAuth 1.0a). Use the https:// address.");
        }

        // Without the trailing slash, "wp-json/…" would replace the last segment of a store in a sub-directory.
        store = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return null;
    }

    private static SettingProblem? RateProblem(string? requestsPerSecond, out double? rate)
    {
        rate = null;
        if (string.IsNullOrWhiteSpace(requestsPerSecond))
        {
            return null;
        }

        // "NaN" and "Infinity" parse as doubles whatever the number style says; the pacing needs a finite positive rate.
        if (!double.TryParse(requestsPerSecond.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || !double.IsFinite(parsed) || parsed <= 0 || parsed > MaxRequestsPerSecond)
        {
            return new(
                WooCommerceConnector.RequestsPerSecondKey,
                $"The requests per second ({WooCommerceConnector.RequestsPerSecondKey}) {QuotedValue.Of(requestsPerSecond)} is not a positive number up to {MaxRequestsPerSecond} such as 2 or 0.5.");
        }

        rate = parsed;
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
