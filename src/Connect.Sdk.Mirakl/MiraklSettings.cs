using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Mirakl;

/// <summary>
/// A connection's plain Mirakl settings, validated: the operator's instance address, the optional shop id, how order
/// lines are accepted, whether shipments go out by order (OR23/OR24) or by lines (ST01), the basis the operator takes
/// offer prices on, and the optional request rate.
/// </summary>
/// <remarks>
/// Only HTTPS instance addresses are accepted (Mirakl serves its API over HTTPS only), except on loopback for a local
/// test instance and the fake: the shop API key travels in a header.
/// </remarks>
internal sealed record MiraklSettings(Uri InstanceUrl, long? ShopId, MiraklAcceptance Acceptance, PriceBasis PriceBasis, double? RequestsPerSecond, bool ShipsLines = false)
{
    /// <summary>The highest request rate the setting takes.</summary>
    public const int MaxRequestsPerSecond = 1000;

    /// <summary>The seller API's base address, <c>{instance}/api/</c>.</summary>
    public Uri ApiAddress => new(InstanceUrl, "api/");

    /// <summary>The rate-budget account: connections of one shop on one instance share it.</summary>
    public string Account => "mirakl:" + InstanceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant() + (ShopId is { } shop ? "#" + shop.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>The <c>shop_id</c> query parameter to add to a path, or nothing when the key's default shop is meant.</summary>
    /// <param name="path">A path under <c>/api/</c>, with or without a query.</param>
    /// <returns>The path with the parameter.</returns>
    public string WithShop(string path) => ShopId is { } shop
        ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "shop_id=" + shop.ToString(CultureInfo.InvariantCulture)
        : path;

    /// <summary>Reads and validates the settings of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryRead(ConnectionContext connection, out MiraklSettings settings, out SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(connection);
        settings = null!;
        var values = connection.Settings;
        var instance = values.Get(MiraklConnector.InstanceUrlKey);
        if (string.IsNullOrWhiteSpace(instance))
        {
            problem = new(MiraklConnector.InstanceUrlKey, $"The Mirakl instance URL ({MiraklConnector.InstanceUrlKey}) is empty.");
            return false;
        }

        var found = InstanceProblem(instance, out var url);
        long? shop = null;
        var acceptance = MiraklAcceptance.Manual;
        var basis = PriceBasis.Gross;
        double? rate = null;
        var shipsLines = false;
        found ??= ShopProblem(values.Get(MiraklConnector.ShopIdKey), out shop);
        found ??= AcceptanceProblem(values.Get(MiraklConnector.AcceptanceKey), out acceptance);
        found ??= BasisProblem(values.Get(MiraklConnector.PriceBasisKey), out basis);
        found ??= RateProblem(values.Get(MiraklConnector.RequestsPerSecondKey), out rate);
        found ??= ShipmentsProblem(values.Get(MiraklConnector.ShipmentsKey), out shipsLines);
        if (found is not null)
        {
            problem = found;
            return false;
        }

        problem = null!;
        settings = new MiraklSettings(url, shop, acceptance, basis, rate, shipsLines);
        return true;
    }

    /// <summary>The problems of the plain settings that are filled.</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var instance = settings.Get(MiraklConnector.InstanceUrlKey);
        SettingProblem?[] problems =
        [
            string.IsNullOrWhiteSpace(instance) ? null : InstanceProblem(instance, out _),
            ShopProblem(settings.Get(MiraklConnector.ShopIdKey), out _),
            AcceptanceProblem(settings.Get(MiraklConnector.AcceptanceKey), out _),
            BasisProblem(settings.Get(MiraklConnector.PriceBasisKey), out _),
            RateProblem(settings.Get(MiraklConnector.RequestsPerSecondKey), out _),
            ShipmentsProblem(settings.Get(MiraklConnector.ShipmentsKey), out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static SettingProblem? InstanceProblem(string instance, out Uri url)
    {
        url = null!;
        var what = $"The Mirakl instance URL ({MiraklConnector.InstanceUrlKey})";
        if (AddressSetting.LengthProblem(MiraklConnector.InstanceUrlKey, what, instance) is { } tooLong)
        {
            return tooLong;
        }

        if (!Uri.TryCreate(instance.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            return new(MiraklConnector.InstanceUrlKey, $"{what} is not an address such as https://marketplace.mirakl.net/ (no user info, no query string).");
        }

        if (uri.Scheme == "http" && !(uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))))
        {
            return new(MiraklConnector.InstanceUrlKey, $"{what} for {uri.Host} uses plain HTTP: Mirakl serves its API over HTTPS only, and the shop API key must not travel in clear text. Use the https:// address.");
        }

        // A path the operator gave (/mmp/) keeps its last segment only with the trailing slash.
        var path = uri.AbsolutePath.EndsWith("/api/", StringComparison.OrdinalIgnoreCase) ? uri.AbsoluteUri[..^4]
            : uri.AbsolutePath.EndsWith("/api", StringComparison.OrdinalIgnoreCase) ? uri.AbsoluteUri[..^3]
            : uri.AbsoluteUri;
        url = new Uri(path.EndsWith('/') ? path : path + "/");
        return null;
    }

    private static SettingProblem? ShopProblem(string? text, out long? shop)
    {
        shop = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            return new(MiraklConnector.ShopIdKey, $"The Mirakl shop id ({MiraklConnector.ShopIdKey}) {QuotedValue.Of(text)} is not a shop number such as 2001; leave it empty for the API key's own shop.");
        }

        shop = parsed;
        return null;
    }

    private static SettingProblem? ShipmentsProblem(string? text, out bool lines)
    {
        lines = string.Equals(text?.Trim(), "lines", StringComparison.OrdinalIgnoreCase);
        return lines || string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "order", StringComparison.OrdinalIgnoreCase)
            ? null
            : new(MiraklConnector.ShipmentsKey, $"The shipments setting ({MiraklConnector.ShipmentsKey}) {QuotedValue.Of(text)} is neither 'order' nor 'lines'.");
    }

    private static SettingProblem? AcceptanceProblem(string? text, out MiraklAcceptance acceptance)
    {
        acceptance = MiraklAcceptance.Manual;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "manual", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(text.Trim(), "automatic", StringComparison.OrdinalIgnoreCase))
        {
            acceptance = MiraklAcceptance.Automatic;
            return null;
        }

        return new(MiraklConnector.AcceptanceKey, $"The order acceptance ({MiraklConnector.AcceptanceKey}) {QuotedValue.Of(text)} is neither 'manual' nor 'automatic'.");
    }

    private static SettingProblem? BasisProblem(string? text, out PriceBasis basis)
    {
        basis = PriceBasis.Gross;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "gross", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(text.Trim(), "net", StringComparison.OrdinalIgnoreCase))
        {
            basis = PriceBasis.Net;
            return null;
        }

        return new(MiraklConnector.PriceBasisKey, $"The price basis ({MiraklConnector.PriceBasisKey}) {QuotedValue.Of(text)} is neither 'gross' (prices with VAT, as most operators take them) nor 'net'.");
    }

    private static SettingProblem? RateProblem(string? text, out double? rate)
    {
        rate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || !double.IsFinite(parsed) || parsed <= 0 || parsed > MaxRequestsPerSecond)
        {
            return new(MiraklConnector.RequestsPerSecondKey, $"The requests per second ({MiraklConnector.RequestsPerSecondKey}) {QuotedValue.Of(text)} is not a positive number up to {MaxRequestsPerSecond} such as 2 or 0.5.");
        }

        rate = parsed;
        return null;
    }
}
