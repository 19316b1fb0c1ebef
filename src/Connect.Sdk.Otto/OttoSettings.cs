using System.Globalization;
using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Otto;

/// <summary>
/// A connection's plain OTTO Market settings, validated: the API's address, the client id, the optional request rate
/// per endpoint and the ship-from address of shipments (its country in ISO 3166-1 alpha-3, as OTTO takes it).
/// </summary>
/// <remarks>Only HTTPS addresses are accepted, except on loopback (a test double): the token request carries the client secret.</remarks>
internal sealed record OttoSettings(Uri ApiUrl, string ClientId, int? RequestsPerMinute, ShipFromAddress? ShipFrom)
{
    /// <summary>The highest per-endpoint rate the setting takes.</summary>
    public const int MaxRequestsPerMinute = 60_000;

    /// <summary>The rate-budget account of one endpoint of this client: requests of every connection with the client share it.</summary>
    /// <param name="operation">The endpoint's operation name.</param>
    /// <returns>The account.</returns>
    public string Account(string operation) => $"otto:{ApiUrl.Host.ToLowerInvariant()}:{ClientId}:{operation}";

    /// <summary>Reads and validates the settings of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="settings">The settings, when valid.</param>
    /// <param name="problem">Otherwise what is wrong, naming the setting.</param>
    /// <returns>Whether the settings are valid.</returns>
    public static bool TryRead(ConnectionContext connection, out OttoSettings settings, out SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(connection);
        settings = null!;
        var values = connection.Settings;
        var apiUrl = values.Get(OttoConnector.ApiUrlKey);
        var clientId = values.Get(OttoConnector.ClientIdKey);
        if (string.IsNullOrWhiteSpace(apiUrl))
        {
            problem = new(OttoConnector.ApiUrlKey, $"The OTTO Market API address ({OttoConnector.ApiUrlKey}) is empty.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            problem = new(OttoConnector.ClientIdKey, $"The OTTO Market client id ({OttoConnector.ClientIdKey}) is empty.");
            return false;
        }

        var found = UrlProblem(apiUrl, out var url);
        int? rate = null;
        ShipFromAddress? shipFrom = null;
        found ??= RateProblem(values.Get(OttoConnector.RequestsPerMinuteKey), out rate);
        found ??= ShipFromProblem(values, out shipFrom);
        if (found is not null)
        {
            problem = found;
            return false;
        }

        problem = null!;
        settings = new OttoSettings(url, clientId.Trim(), rate, shipFrom);
        return true;
    }

    /// <summary>The problems of the plain settings that are filled (an empty mandatory one is checked when a feature goes live).</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var apiUrl = settings.Get(OttoConnector.ApiUrlKey);
        SettingProblem?[] problems =
        [
            string.IsNullOrWhiteSpace(apiUrl) ? null : UrlProblem(apiUrl, out _),
            RateProblem(settings.Get(OttoConnector.RequestsPerMinuteKey), out _),
            ShipFromProblem(settings, out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static SettingProblem? UrlProblem(string apiUrl, out Uri url)
    {
        url = null!;
        if (AddressSetting.LengthProblem(OttoConnector.ApiUrlKey, $"The OTTO Market API address ({OttoConnector.ApiUrlKey})", apiUrl) is { } tooLong)
        {
            return tooLong;
        }

        if (!Uri.TryCreate(apiUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            return new(OttoConnector.ApiUrlKey, $"The OTTO Market API address ({OttoConnector.ApiUrlKey}) is not an address such as https://api.otto.market/ (no user info, no query string).");
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            return new(OttoConnector.ApiUrlKey, $"The OTTO Market API address ({OttoConnector.ApiUrlKey}) for {uri.Host} uses plain HTTP: the client secret goes only over HTTPS. Use https://api.otto.market/ or https://sandbox.api.otto.market/.");
        }

        url = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        return null;
    }

    private static SettingProblem? RateProblem(string? text, out int? rate)
    {
        rate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > MaxRequestsPerMinute)
        {
            return new(OttoConnector.RequestsPerMinuteKey, $"The requests per minute and endpoint ({OttoConnector.RequestsPerMinuteKey}) {QuotedValue.Of(text)} is not a whole number from 1 to {MaxRequestsPerMinute}.");
        }

        rate = parsed;
        return null;
    }

    private static SettingProblem? ShipFromProblem(ConnectionSettings settings, out ShipFromAddress? shipFrom)
    {
        shipFrom = null;
        var city = settings.Get(OttoConnector.ShipFromCityKey);
        var zip = settings.Get(OttoConnector.ShipFromZipCodeKey);
        var country = settings.Get(OttoConnector.ShipFromCountryKey);
        if (string.IsNullOrWhiteSpace(city) && string.IsNullOrWhiteSpace(zip) && string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(country) || country.Trim().Length != 3 || !country.Trim().All(char.IsAsciiLetterUpper))
        {
            return new(OttoConnector.ShipFromCountryKey, $"The ship-from country ({OttoConnector.ShipFromCountryKey}) {QuotedValue.Of(country ?? string.Empty)} is not an ISO 3166-1 alpha-3 code such as DEU, which OTTO Market takes in shipFromAddress.countryCode.");
        }

        if (string.IsNullOrWhiteSpace(city))
        {
            return new(OttoConnector.ShipFromCityKey, $"The ship-from city ({OttoConnector.ShipFromCityKey}) is empty; OTTO Market needs shipFromAddress.city with the country.");
        }

        if (string.IsNullOrWhiteSpace(zip))
        {
            return new(OttoConnector.ShipFromZipCodeKey, $"The ship-from postcode ({OttoConnector.ShipFromZipCodeKey}) is empty; OTTO Market needs shipFromAddress.zipCode with the country.");
        }

        shipFrom = new ShipFromAddress(city.Trim(), zip.Trim(), country.Trim());
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
