using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Ebay;

/// <summary>
/// One eBay connection's settings, read and checked: the application's keys, the seller's refresh token, the
/// marketplace, the API host and an optional request rate. The secrets stay <see cref="SecretValue"/>s and are only
/// revealed onto the wire.
/// </summary>
internal sealed class EbaySettings
{
    /// <summary>The highest request rate the setting takes.</summary>
    public const int MaxRequestsPerSecond = 1000;

    private EbaySettings(ConnectionId connectionId, string clientId, SecretValue clientSecret, SecretValue refreshToken, string marketplaceId, Uri apiEndpoint, double? requestsPerSecond)
    {
        ConnectionId = connectionId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        RefreshToken = refreshToken;
        MarketplaceId = marketplaceId;
        ApiEndpoint = apiEndpoint;
        RequestsPerSecond = requestsPerSecond;
        BasicCredentials = new SecretValue(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret.Reveal()}")));
        Redactor = new SecretRedactor([clientSecret, refreshToken, BasicCredentials]);

        // A new application or refresh token must not reuse a token the old ones earned.
        CredentialsFingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{refreshToken.Reveal()}\n{apiEndpoint}")));
    }

    public ConnectionId ConnectionId { get; }

    public string ClientId { get; }

    public SecretValue ClientSecret { get; }

    public SecretValue RefreshToken { get; }

    /// <summary>The eBay marketplace, e.g. <c>EBAY_DE</c>.</summary>
    public string MarketplaceId { get; }

    /// <summary>The API host with a trailing slash: <c>https://api.ebay.com/</c> unless set.</summary>
    public Uri ApiEndpoint { get; }

    public double? RequestsPerSecond { get; }

    /// <summary>base64(client id ":" client secret), the token endpoint's Basic credentials: a secret too.</summary>
    public SecretValue BasicCredentials { get; }

    /// <summary>Redacts the client secret, the refresh token and the Basic credentials.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Which credentials a token was earned with.</summary>
    public string CredentialsFingerprint { get; }

    /// <summary>Reads and checks a connection's settings and secrets.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels reading the secrets.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConnectionSettingException">A setting is empty or invalid, or a secret is not set; names it.</exception>
    public static async ValueTask<EbaySettings> ReadAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = connection.Settings;
        var where = $" of connection {connection.ConnectionId}";
        var clientId = settings.Get(EbayConnector.ClientIdKey);
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw Problem(connection, new SettingProblem(EbayConnector.ClientIdKey, $"Setting '{EbayConnector.ClientIdKey}' (the application's client id, its App ID){where} is empty."));
        }

        var marketplace = MarketplaceOf(settings);
        ThrowIf(connection, MarketplaceProblem(marketplace, where));
        ThrowIf(connection, EndpointProblem(settings, where, out var endpoint));
        ThrowIf(connection, RateProblem(settings, where, out var rate));
        var clientSecret = await SecretAsync(connection, EbayConnector.ClientSecretKey, cancellationToken).ConfigureAwait(false);
        var refreshToken = await SecretAsync(connection, EbayConnector.RefreshTokenKey, cancellationToken).ConfigureAwait(false);
        return new EbaySettings(connection.ConnectionId, clientId.Trim(), clientSecret, refreshToken, marketplace, endpoint ?? EbayApi.Production, rate);
    }

    /// <summary>The problems of the plain settings, for <c>ValidateSettings</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>One problem per invalid setting.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingProblem?[] problems =
        [
            MarketplaceProblem(MarketplaceOf(settings), string.Empty),
            EndpointProblem(settings, string.Empty, out _),
            RateProblem(settings, string.Empty, out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static string MarketplaceOf(ConnectionSettings settings) =>
        settings.Get(EbayConnector.MarketplaceIdKey) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim().ToUpperInvariant() : EbayConnector.DefaultMarketplaceId;

    private static SettingProblem? MarketplaceProblem(string marketplace, string where) =>
        marketplace.StartsWith("EBAY_", StringComparison.Ordinal) && marketplace.Length is > 5 and <= 20 && marketplace.Skip(5).All(c => c is (>= 'A' and <= 'Z') or '_')
            ? null
            : new(EbayConnector.MarketplaceIdKey, $"Setting '{EbayConnector.MarketplaceIdKey}'{where} is {QuotedValue.Of(marketplace)}; use eBay's marketplace id such as EBAY_DE or EBAY_GB.");

    private static SettingProblem? EndpointProblem(ConnectionSettings settings, string where, out Uri? endpoint)
    {
        endpoint = null;
        var text = settings.Get(EbayConnector.ApiEndpointKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (AddressSetting.LengthProblem(EbayConnector.ApiEndpointKey, $"Setting '{EbayConnector.ApiEndpointKey}'{where}", text) is { } tooLong)
        {
            return tooLong;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo) || (uri.Scheme == "http" && !uri.IsLoopback))
        {
            // The address is not repeated: one pasted with a user name and password would carry them.
            return new(EbayConnector.ApiEndpointKey, $"Setting '{EbayConnector.ApiEndpointKey}'{where} is not an https:// address such as https://api.sandbox.ebay.com/ (plain http only on this machine, no user info).");
        }

        endpoint = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return null;
    }

    private static SettingProblem? RateProblem(ConnectionSettings settings, string where, out double? rate)
    {
        rate = null;
        var text = settings.Get(EbayConnector.RequestsPerSecondKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed) || parsed <= 0 || parsed > MaxRequestsPerSecond)
        {
            return new(EbayConnector.RequestsPerSecondKey, $"Setting '{EbayConnector.RequestsPerSecondKey}'{where} is {QuotedValue.Of(text)}; use a positive number up to {MaxRequestsPerSecond} such as 5 or 0.5.");
        }

        rate = parsed;
        return null;
    }

    private static void ThrowIf(ConnectionContext connection, SettingProblem? problem)
    {
        if (problem is not null)
        {
            throw Problem(connection, problem);
        }
    }

    private static ConnectionSettingException Problem(ConnectionContext connection, SettingProblem problem) =>
        new(problem.Key, problem.Message) { ConnectionId = connection.ConnectionId };

    private static async ValueTask<SecretValue> SecretAsync(ConnectionContext connection, string key, CancellationToken cancellationToken)
    {
        if (!connection.Settings.SecretsSet.Contains(key))
        {
            throw Problem(connection, new SettingProblem(key, $"Secret '{key}' of connection {connection.ConnectionId} is not set."));
        }

        var secret = await connection.GetSecretAsync(key, cancellationToken).ConfigureAwait(false);
        return secret.Reveal().Length == 0
            ? throw Problem(connection, new SettingProblem(key, $"Secret '{key}' of connection {connection.ConnectionId} is empty."))
            : secret;
    }
}
