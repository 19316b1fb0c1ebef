using System.Security.Cryptography;
using System.Text;
using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Amazon;

/// <summary>
/// One connection's settings and secrets, read and checked for one call: the LWA application and refresh token, the
/// seller and region, the marketplaces, and where the SP-API and the token endpoint are.
/// </summary>
/// <remarks>Holds secrets: it has no <c>ToString</c> of its own (the type name is all it prints) and is never logged.</remarks>
internal sealed class AmazonConnectionSettings
{
    private AmazonConnectionSettings(
        ConnectionId connectionId,
        string clientId,
        SecretValue clientSecret,
        SecretValue refreshToken,
        string sellerId,
        string region,
        IReadOnlyList<string> marketplaceIds,
        Uri spApiEndpoint,
        Uri tokenEndpoint)
    {
        ConnectionId = connectionId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        RefreshToken = refreshToken;
        SellerId = sellerId;
        Region = region;
        MarketplaceIds = marketplaceIds;
        SpApiEndpoint = spApiEndpoint;
        TokenEndpoint = tokenEndpoint;
        Redactor = new SecretRedactor([clientSecret, refreshToken]);

        // Changing the application or the refresh token must not reuse a token the old ones earned.
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{refreshToken.Reveal()}\n{tokenEndpoint}"));
        CredentialsFingerprint = Convert.ToHexString(fingerprint);
    }

    public ConnectionId ConnectionId { get; }

    public string ClientId { get; }

    public SecretValue ClientSecret { get; }

    public SecretValue RefreshToken { get; }

    public string SellerId { get; }

    /// <summary>The region code in lower case: <c>na</c>, <c>eu</c> or <c>fe</c>.</summary>
    public string Region { get; }

    public IReadOnlyList<string> MarketplaceIds { get; }

    /// <summary>The SP-API root, with a trailing slash.</summary>
    public Uri SpApiEndpoint { get; }

    public Uri TokenEndpoint { get; }

    /// <summary>Removes the client secret and the refresh token from text.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>A hash of what earned the access token, so that new credentials never reuse an old token.</summary>
    public string CredentialsFingerprint { get; }

    /// <summary>Reads and checks the connection's settings and secrets.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="AmazonSettingException">A setting is missing or malformed; the message names it.</exception>
    public static async ValueTask<AmazonConnectionSettings> ReadAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = connection.Settings;
        var clientId = Required(connection, AmazonConnector.ClientIdKey, "the LWA client id of the SP-API application");
        var sellerId = Required(connection, AmazonConnector.SellerIdKey, "the seller (merchant) id");
        var where = $" of connection {connection.ConnectionId}";
        var region = Required(connection, AmazonConnector.RegionKey, "the SP-API region").Trim().ToLowerInvariant();
        ThrowIf(RegionProblem(region, where, out var regionEndpoint));
        ThrowIf(MarketplaceIdsProblem(Required(connection, AmazonConnector.MarketplaceIdsKey, "the marketplace ids"), where, out var marketplaceIds));
        ThrowIf(EndpointProblem(settings, AmazonConnector.SpApiEndpointKey, where, out var spApiGiven));
        ThrowIf(EndpointProblem(settings, AmazonConnector.LwaTokenEndpointKey, where, out var tokenGiven));
        var spApi = spApiGiven ?? regionEndpoint;
        var token = tokenGiven ?? AmazonRegion.LwaTokenEndpoint;
        var clientSecret = await Secret(connection, AmazonConnector.ClientSecretKey, cancellationToken).ConfigureAwait(false);
        var refreshToken = await Secret(connection, AmazonConnector.RefreshTokenKey, cancellationToken).ConfigureAwait(false);
        return new AmazonConnectionSettings(connection.ConnectionId, clientId.Trim(), clientSecret, refreshToken, sellerId.Trim(), region, marketplaceIds, spApi, token);
    }

    /// <summary>getOrders accepts at most 50 marketplace ids.</summary>
    private const int MaxMarketplaceIds = 50;

    private static string Required(ConnectionContext connection, string key, string what)
    {
        var value = connection.Settings.Get(key);
        return string.IsNullOrWhiteSpace(value)
            ? throw new AmazonSettingException(key, $"Setting '{key}' ({what}) of connection {connection.ConnectionId} is empty.")
            : value;
    }

    /// <summary>The problems of the plain settings that are filled (empty mandatory ones are checked when a feature goes into integration mode).</summary>
    /// <param name="settings">The connection's settings.</param>
    /// <returns>One problem per invalid setting, quoting no secret.</returns>
    public static IReadOnlyList<SettingProblem> Problems(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingProblem?[] problems =
        [
            Filled(settings, AmazonConnector.RegionKey) is { } region ? RegionProblem(region.Trim().ToLowerInvariant(), string.Empty, out _) : null,
            Filled(settings, AmazonConnector.MarketplaceIdsKey) is { } ids ? MarketplaceIdsProblem(ids, string.Empty, out _) : null,
            EndpointProblem(settings, AmazonConnector.SpApiEndpointKey, string.Empty, out _),
            EndpointProblem(settings, AmazonConnector.LwaTokenEndpointKey, string.Empty, out _),
        ];
        return problems.OfType<SettingProblem>().ToArray();
    }

    private static SettingProblem? RegionProblem(string region, string where, out Uri endpoint) =>
        AmazonRegion.TryGetEndpoint(region, out endpoint)
            ? null
            : new(AmazonConnector.RegionKey, $"Setting '{AmazonConnector.RegionKey}'{where} is {QuotedValue.Of(region)}; use one of {string.Join(", ", AmazonRegion.All)}.");

    private static SettingProblem? MarketplaceIdsProblem(string text, string where, out string[] marketplaceIds)
    {
        marketplaceIds = text
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return marketplaceIds.Length is 0 or > MaxMarketplaceIds
            ? new(AmazonConnector.MarketplaceIdsKey, $"Setting '{AmazonConnector.MarketplaceIdsKey}'{where} needs 1 to {MaxMarketplaceIds} marketplace ids separated by commas, e.g. A1PN6IFQEWUF5Q.")
            : null;
    }

    private static SettingProblem? EndpointProblem(ConnectionSettings settings, string key, string where, out Uri? endpoint)
    {
        endpoint = null;
        if (Filled(settings, key) is not { } text)
        {
            return null;
        }

        if (AddressSetting.LengthProblem(key, $"Setting '{key}'{where}", text) is { } tooLong)
        {
            return tooLong;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            // The address is not repeated: one pasted with a user name and password would carry them.
            return new(key, $"Setting '{key}'{where} is not an http(s) address such as https://sellingpartnerapi-eu.amazon.com/ (no user info).");
        }

        // Without the trailing slash, "orders/v0/…" would replace the last segment of an endpoint with a path.
        endpoint = uri.AbsoluteUri.EndsWith('/') || key == AmazonConnector.LwaTokenEndpointKey ? uri : new Uri(uri.AbsoluteUri + "/");
        return null;
    }

    private static string? Filled(ConnectionSettings settings, string key) =>
        settings.Get(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void ThrowIf(SettingProblem? problem)
    {
        if (problem is not null)
        {
            throw new AmazonSettingException(problem.Key, problem.Message);
        }
    }

    private static async ValueTask<SecretValue> Secret(ConnectionContext connection, string key, CancellationToken cancellationToken)
    {
        if (!connection.Settings.SecretsSet.Contains(key))
        {
            throw new AmazonSettingException(key, $"Secret '{key}' of connection {connection.ConnectionId} is not set.");
        }

        var secret = await connection.GetSecretAsync(key, cancellationToken).ConfigureAwait(false);
        return secret.Reveal().Length == 0
            ? throw new AmazonSettingException(key, $"Secret '{key}' of connection {connection.ConnectionId} is empty.")
            : secret;
    }
}
