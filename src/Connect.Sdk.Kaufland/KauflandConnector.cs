using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Kaufland.Http;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Kaufland.Prices;
using Connect.Sdk.Kaufland.Shipments;
using Connect.Sdk.Kaufland.Stock;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Kaufland;

/// <summary>
/// The connector for the Kaufland marketplace (Marketplace Seller API v2, <c>https://sellerapi.kaufland.com/v2</c>):
/// publishes the stock (<c>amount</c>) and listing price of the seller's units on one storefront, imports orders by
/// grouping their order units (one per piece) back into lines with quantities, and marks order units sent with a carrier
/// and tracking number. One instance serves every Kaufland connection; each call brings its connection's keys and
/// storefront in the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>Register it with <c>AddKaufland()</c>, which also registers its HTTP client and request signer.</remarks>
public sealed class KauflandConnector : IConnector
{
    /// <summary>The key of the storefront setting: <c>de</c>, <c>at</c>, <c>sk</c>, <c>cz</c>, <c>pl</c>, <c>fr</c> or <c>it</c>.</summary>
    public const string StorefrontKey = "storefront";

    /// <summary>The key of the partner solution name, sent as <c>User-Agent</c> with every request.</summary>
    public const string UserAgentKey = "userAgent";

    /// <summary>The key of the client key secret (32 characters, from the seller portal's API settings).</summary>
    public const string ClientKeyKey = "clientKey";

    /// <summary>The key of the secret key secret (64 characters), which signs every request and is never sent.</summary>
    public const string SecretKeyKey = "secretKey";

    /// <summary>The key of the optional API address; empty for Kaufland's, <c>https://sellerapi.kaufland.com/v2/</c>.</summary>
    public const string ApiUrlKey = "apiUrl";

    private readonly KauflandClient _client;

    /// <summary>Creates the connector; <c>AddKaufland()</c> does it.</summary>
    /// <param name="httpClientFactory">Makes the connector's named marketplace client.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs a key or a signature.</param>
    /// <param name="time">The clock the order import reads the time it asks for the order unit list from.</param>
    internal KauflandConnector(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        var logger = loggerFactory.CreateLogger<KauflandConnector>();
        _client = new KauflandClient(httpClientFactory, logger);
        var units = new UnitWriter(_client, logger);
        Features =
        [
            new KauflandStockFeature(units),
            new KauflandOrdersFeature(_client, time),
            new KauflandOrderStatusFeature(_client, logger),
            new KauflandPriceFeature(units),
        ];
    }

    /// <summary>The connector id, <c>kaufland</c>.</summary>
    public static ConnectorId Id => ConnectorId.Kaufland;

    /// <summary>The foreign-number rule: an article is a Kaufland unit, identified by its <c>id_unit</c> (label <c>apiunitid</c>).</summary>
    public static ForeignNumberRule ForeignNumberRule { get; } = new(Id, ForeignNumberTarget.Any, ForeignNumberLabel.ApiUnitId, "Kaufland unit id");

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Kaufland",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(StorefrontKey, "Storefront")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The Kaufland country site this connection sells on: de, at, sk, cz, pl, fr or it. Its prices are in its currency (EUR, CZK for cz, PLN for pl).",
                },
                new SettingField(UserAgentKey, "Partner solution name")
                {
                    IsMandatory = true,
                    Description = "Sent as User-Agent with every request, as Kaufland asks (e.g. the ERP's name).",
                },
                new SettingField(ClientKeyKey, "Client key")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "32 characters, from the seller portal's API settings.",
                },
                new SettingField(SecretKeyKey, "Secret key")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "64 characters, shown with the client key; it signs every request and is never sent.",
                },
                new SettingField(ApiUrlKey, "API address")
                {
                    AffectsConnection = true,
                    Description = "Optional; empty for https://sellerapi.kaufland.com/v2/.",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: a known storefront, a one-line partner solution name, and an
    /// https:// API address if one is given (plain http only on loopback).
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => KauflandSettings.Problems(settings, includeEmpty: false);

    /// <summary>
    /// Checks the connection with <c>GET /status/ping</c> (keys and signature) and <c>GET /units?storefront=…&amp;limit=1</c>
    /// (the seller sells on the storefront); no order is read.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the storefront, or failed naming the setting to fix; never a key.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!KauflandSettings.TryRead(connection, out var settings, out var problem))
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        foreach (var key in KauflandCredentials.SecretKeys)
        {
            if (!connection.Settings.SecretsSet.Contains(key))
            {
                return ConnectionCheckResult.Failure($"The Kaufland {(key == ClientKeyKey ? "client key" : "secret key")} ({key}) is not set.", key);
            }
        }

        try
        {
            var (ping, _) = await _client.SendAsync(connection, MarketplaceCall.Get("status/ping", "status.ping"), cancellationToken).ConfigureAwait(false);
            if (ping.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var description = KauflandClient.Describe(ping.Body);
                var setting = description.Contains("signature", StringComparison.OrdinalIgnoreCase) ? SecretKeyKey : ClientKeyKey;
                return ConnectionCheckResult.Failure(
                    $"Kaufland refused the keys ({ClientKeyKey}, {SecretKeyKey}) with {(int)ping.StatusCode} {description}. Check that both come from the seller portal's API settings and belong together.",
                    setting);
            }

            if (!ping.IsSuccess)
            {
                return ConnectionCheckResult.Failure($"Kaufland answered the check with {(int)ping.StatusCode} {KauflandClient.Describe(ping.Body)}; is {ApiUrlKey} Kaufland's API address?", ApiUrlKey);
            }

            var (units, _) = await _client.SendAsync(connection, MarketplaceCall.Get($"units?storefront={settings.Storefront}&limit=1", "units.list"), cancellationToken).ConfigureAwait(false);
            return units.IsSuccess
                ? ConnectionCheckResult.Success($"Connected to Kaufland's Seller API, storefront {settings.Storefront} ({settings.Currency}).")
                : ConnectionCheckResult.Failure($"Kaufland refused storefront {settings.Storefront} ({StorefrontKey}) with {(int)units.StatusCode} {KauflandClient.Describe(units.Body)}.", StorefrontKey);
        }
        catch (ConnectSdkException ex)
        {
            // Unreachable, timed out or its circuit open: one exception from the marketplace client, keys redacted.
            return ConnectionCheckResult.Failure($"Check the Kaufland API address ({ApiUrlKey}): {ex.Message}", ApiUrlKey);
        }
    }
}
