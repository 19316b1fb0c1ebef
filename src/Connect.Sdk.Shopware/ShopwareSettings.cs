using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopware;

/// <summary>
/// A connection's plain Shopware settings, validated: the shop's address (https, plain http only on loopback) and the
/// optional request rate.
/// </summary>
internal sealed record ShopwareSettings(Uri ShopUrl, double? RequestsPerSecond)
{
    /// <summary>The highest request rate the setting takes.</summary>
    public const int MaxRequestsPerSecond = 1000;

    /// <summary>The Admin API's base address, <c>{shop}/api/</c>.</summary>
    public Uri ApiAddress => new(ShopUrl, ShopwareApi.Root);

    /// <summary>The rate-budget account of the shop: connections to one shop share its budget.</summary>
    public string Account => "shopware:" + ShopUrl.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant();

    /// <summary>Reads and validates a connection's settings.</summary>
    public static bool TryRead(ConnectionContext connection, out ShopwareSettings settings, out (string Message, string Key) problem)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return TryParse(connection.Settings.Get(ShopwareConnector.ShopUrlKey), connection.Settings.Get(ShopwareConnector.RequestsPerSecondKey), out settings, out problem);
    }

    /// <summary>Validates the settings' texts.</summary>
    public static bool TryParse(string? shopUrl, string? requestsPerSecond, out ShopwareSettings settings, out (string Message, string Key) problem)
    {
        settings = null!;
        if (string.IsNullOrWhiteSpace(shopUrl))
        {
            problem = ($"The Shopware shop URL ({ShopwareConnector.ShopUrlKey}) is empty.", ShopwareConnector.ShopUrlKey);
            return false;
        }

        if (!Uri.TryCreate(shopUrl.Trim(), UriKind.Absolute, out var shop) || (shop.Scheme != Uri.UriSchemeHttps && shop.Scheme != Uri.UriSchemeHttp)
            || shop.UserInfo.Length > 0 || shop.Query.Length > 0)
        {
            problem = ($"The Shopware shop URL ({ShopwareConnector.ShopUrlKey}) must be the shop's address, https://… without user or query; it is '{shopUrl}'.", ShopwareConnector.ShopUrlKey);
            return false;
        }

        if (shop.Scheme == Uri.UriSchemeHttp && !IsLoopback(shop))
        {
            // The client secret and every token would cross the network in clear text.
            problem = ($"The Shopware shop URL ({ShopwareConnector.ShopUrlKey}) must use https://; plain http is only accepted for a shop on this machine.", ShopwareConnector.ShopUrlKey);
            return false;
        }

        double? rate = null;
        if (!string.IsNullOrWhiteSpace(requestsPerSecond))
        {
            if (!double.TryParse(requestsPerSecond, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed) || parsed <= 0 || parsed > MaxRequestsPerSecond)
            {
                problem = ($"The Shopware requests per second ({ShopwareConnector.RequestsPerSecondKey}) must be a number above 0 and at most {MaxRequestsPerSecond}; it is '{requestsPerSecond}'.", ShopwareConnector.RequestsPerSecondKey);
                return false;
            }

            rate = parsed;
        }

        problem = default;
        var withSlash = shop.AbsoluteUri.EndsWith('/') ? shop : new Uri(shop.AbsoluteUri + "/");
        settings = new ShopwareSettings(withSlash, rate);
        return true;
    }

    /// <summary>The problems of the plain settings that are filled.</summary>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.Get(ShopwareConnector.ShopUrlKey);
        var rate = settings.Get(ShopwareConnector.RequestsPerSecondKey);
        var problems = new List<SettingProblem>();
        if (!string.IsNullOrWhiteSpace(url) && !TryParse(url, null, out _, out var urlProblem))
        {
            problems.Add(new SettingProblem(urlProblem.Key, urlProblem.Message));
        }

        if (!string.IsNullOrWhiteSpace(rate) && !TryParse("https://shop.invalid/", rate, out _, out var rateProblem))
        {
            problems.Add(new SettingProblem(rateProblem.Key, rateProblem.Message));
        }

        return problems;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
