using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Kaufland;

/// <summary>
/// A connection's plain Kaufland settings, validated: the storefront, the partner solution's name sent as
/// <c>User-Agent</c> and the API address (Kaufland's unless a test points elsewhere).
/// </summary>
/// <param name="ApiAddress">The API's base address, ending in <c>/</c>.</param>
/// <param name="Storefront">The storefront, e.g. <c>de</c>.</param>
/// <param name="UserAgent">The partner solution's name.</param>
internal sealed record KauflandSettings(Uri ApiAddress, string Storefront, string UserAgent)
{
    /// <summary>The longest partner solution name taken.</summary>
    public const int MaxUserAgentLength = 200;

    /// <summary>The storefront's currency, the only one its prices are in.</summary>
    public CurrencyCode Currency => KauflandApi.StorefrontCurrencies[Storefront];

    /// <summary>Reads and validates the settings of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryRead(ConnectionContext connection, out KauflandSettings settings, out SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return TryRead(connection.Settings, out settings, out problem);
    }

    /// <summary>Reads and validates the plain settings.</summary>
    /// <param name="values">The connection's settings.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryRead(ConnectionSettings values, out KauflandSettings settings, out SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(values);
        settings = null!;
        var found = Problems(values, includeEmpty: true);
        if (found.Count > 0)
        {
            problem = found[0];
            return false;
        }

        problem = null!;
        settings = new KauflandSettings(AddressOf(values.Get(KauflandConnector.ApiUrlKey))!, values.Get(KauflandConnector.StorefrontKey)!.Trim(), values.Get(KauflandConnector.UserAgentKey)!.Trim());
        return true;
    }

    /// <summary>The problems of the plain settings; an empty mandatory one only when <paramref name="includeEmpty"/>.</summary>
    /// <param name="values">The connection's settings.</param>
    /// <param name="includeEmpty">Whether an empty storefront or partner solution name is a problem (it is once the connection is used).</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings values, bool includeEmpty)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<SettingProblem>();
        var storefront = values.Get(KauflandConnector.StorefrontKey)?.Trim();
        if (string.IsNullOrEmpty(storefront))
        {
            if (includeEmpty)
            {
                problems.Add(new(KauflandConnector.StorefrontKey, $"The Kaufland storefront ({KauflandConnector.StorefrontKey}) is empty; give one of {string.Join(", ", KauflandApi.StorefrontCurrencies.Keys)}."));
            }
        }
        else if (!KauflandApi.StorefrontCurrencies.ContainsKey(storefront))
        {
            problems.Add(new(KauflandConnector.StorefrontKey, $"The Kaufland storefront ({KauflandConnector.StorefrontKey}) '{storefront}' is not one of {string.Join(", ", KauflandApi.StorefrontCurrencies.Keys)}."));
        }

        var userAgent = values.Get(KauflandConnector.UserAgentKey)?.Trim();
        if (string.IsNullOrEmpty(userAgent))
        {
            if (includeEmpty)
            {
                problems.Add(new(KauflandConnector.UserAgentKey, $"The partner solution name ({KauflandConnector.UserAgentKey}) is empty; Kaufland asks every request to name it in its User-Agent."));
            }
        }
        else if (userAgent.Length > MaxUserAgentLength || userAgent.Any(char.IsControl))
        {
            problems.Add(new(KauflandConnector.UserAgentKey, $"The partner solution name ({KauflandConnector.UserAgentKey}) must be one line of at most {MaxUserAgentLength} characters."));
        }

        var address = values.Get(KauflandConnector.ApiUrlKey);
        if (!string.IsNullOrWhiteSpace(address) && AddressOf(address) is null)
        {
            // The address is not repeated: one pasted with user info or a query could carry a key.
            problems.Add(new(KauflandConnector.ApiUrlKey, $"The Kaufland API address ({KauflandConnector.ApiUrlKey}) must be an https:// address without user info or query, such as {KauflandApi.DefaultAddress} (plain http only on this machine)."));
        }

        return problems;
    }

    private static Uri? AddressOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Uri(KauflandApi.DefaultAddress);
        }

        if (AddressSetting.LengthProblem(KauflandConnector.ApiUrlKey, "The Kaufland API address", text) is not null
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            return null;
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
