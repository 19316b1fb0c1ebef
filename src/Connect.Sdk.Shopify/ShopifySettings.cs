using System.Globalization;
using System.Text.RegularExpressions;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Shopify;

/// <summary>
/// A connection's Shopify settings, read and checked: the GraphQL endpoint of the shop and API version, the account
/// key its rate budget is shared under, and the location stock is kept at.
/// </summary>
/// <param name="GraphQLEndpoint">The shop's <c>/admin/api/{version}/graphql.json</c>.</param>
/// <param name="AccountKey">The rate-budget account, <c>shopify:{shop host}</c>: every connection of one shop shares it.</param>
/// <param name="ApiVersion">The API version, e.g. <c>2026-04</c>.</param>
/// <param name="LocationGid">The location's GID, or <see langword="null"/> when the setting is empty.</param>
internal sealed partial record ShopifySettings(Uri GraphQLEndpoint, string AccountKey, string ApiVersion, string? LocationGid)
{
    /// <summary>The first API version whose <c>inventorySetQuantities</c> takes <c>changeFromQuantity</c>.</summary>
    public const string MinimumApiVersion = "2026-04";

    /// <summary>Reads the settings, or says which one is wrong and why.</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>The settings, or the first problem (its setting's key and a message without any secret).</returns>
    public static (ShopifySettings? Settings, SettingProblem? Problem) Read(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shop = settings.Get(ShopifyConnector.ShopKey)?.Trim();
        if (string.IsNullOrEmpty(shop))
        {
            return (null, new(ShopifyConnector.ShopKey, "The shop address is empty; enter the shop's myshopify.com domain, e.g. my-shop.myshopify.com."));
        }

        var shopProblem = ShopProblem(shop, out var shopUri);
        var versionProblem = VersionProblem(settings, out var version);
        var locationProblem = LocationProblem(settings, out var location);
        if ((shopProblem ?? versionProblem ?? locationProblem) is { } problem)
        {
            return (null, problem);
        }

        var root = new Uri(shopUri.GetLeftPart(UriPartial.Authority) + "/");
        var endpoint = new Uri(root, $"admin/api/{version}/graphql.json");
        var account = "shopify:" + shopUri.Authority.ToLowerInvariant();
        return (new ShopifySettings(endpoint, account, version, location), null);
    }

    /// <summary>The problems of the settings that are filled (an empty shop address is checked when a feature goes into integration mode).</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shop = settings.Get(ShopifyConnector.ShopKey)?.Trim();
        SettingProblem?[] problems =
        [
            string.IsNullOrEmpty(shop) ? null : ShopProblem(shop, out _),
            VersionProblem(settings, out _),
            LocationProblem(settings, out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static SettingProblem? ShopProblem(string shop, out Uri shopUri)
    {
        shopUri = null!;
        if (AddressSetting.LengthProblem(ShopifyConnector.ShopKey, $"The shop address ({ShopifyConnector.ShopKey})", shop) is { } tooLong)
        {
            return tooLong;
        }

        var address = shop.Contains("://", StringComparison.Ordinal) ? shop : "https://" + shop;
        if (!Uri.TryCreate(address, UriKind.Absolute, out shopUri!) || shopUri.Scheme is not ("https" or "http") || shopUri.Host.Length == 0
            || !string.IsNullOrEmpty(shopUri.UserInfo) || !string.IsNullOrEmpty(shopUri.Query))
        {
            // The address is not repeated: one pasted with a token in its user info or query would carry the secret.
            return new(ShopifyConnector.ShopKey, "The shop address is not a domain such as my-shop.myshopify.com (no user info, no query string).");
        }

        // The access token travels in a header; over plain HTTP anyone on the way could read it. Loopback is a test fake.
        if (shopUri.Scheme == "http" && !shopUri.IsLoopback)
        {
            return new(ShopifyConnector.ShopKey, $"The shop address for {shopUri.Host} uses plain HTTP; Shopify's Admin API is served over HTTPS only. Use the https:// address.");
        }

        return null;
    }

    private static SettingProblem? VersionProblem(ConnectionSettings settings, out string version)
    {
        var given = settings.Get(ShopifyConnector.ApiVersionKey)?.Trim();
        version = string.IsNullOrEmpty(given) ? ShopifyConnector.DefaultApiVersion : given;
        if (!ApiVersionPattern().IsMatch(version))
        {
            return new(ShopifyConnector.ApiVersionKey, $"The API version {QuotedValue.Of(version)} is not a Shopify version such as {ShopifyConnector.DefaultApiVersion} (or 'unstable').");
        }

        if (version != "unstable" && string.CompareOrdinal(version, MinimumApiVersion) < 0)
        {
            return new(ShopifyConnector.ApiVersionKey, $"The API version {version} is older than {MinimumApiVersion}, the first whose inventorySetQuantities checks the expected quantity (changeFromQuantity); use {MinimumApiVersion} or later.");
        }

        return null;
    }

    private static SettingProblem? LocationProblem(ConnectionSettings settings, out string? location)
    {
        location = null;
        if (settings.Get(ShopifyConnector.LocationKey)?.Trim() is { Length: > 0 } given)
        {
            location = LocationGidOf(given);
            if (location is null)
            {
                return new(ShopifyConnector.LocationKey, $"The location {QuotedValue.Of(given)} is neither a location id (digits) nor a GID such as gid://shopify/Location/123.");
            }
        }

        return null;
    }

    private static string? LocationGidOf(string given)
    {
        const string Prefix = "gid://shopify/Location/";
        var number = given.StartsWith(Prefix, StringComparison.Ordinal) ? given[Prefix.Length..] : given;
        return ulong.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? Prefix + number : null;
    }

    [GeneratedRegex(@"^(\d{4}-(0[1-9]|1[0-2])|unstable)$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
