using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Otto.Http;
using Connect.Sdk.Otto.Orders;
using Connect.Sdk.Otto.Prices;
using Connect.Sdk.Otto.Shipments;
using Connect.Sdk.Otto.Stock;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Otto;

/// <summary>
/// The connector for OTTO Market's partner API: publishes available quantities and gross prices by the partner SKU,
/// imports orders by change date (their pieces grouped into lines) and reports shipments with tracking. One instance
/// serves every OTTO connection; each call brings its connection's API address and client in the
/// <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>Register it with <c>AddOtto()</c>, which also registers its HTTP client and the access-token handler.</remarks>
public sealed class OttoConnector : IConnector
{
    /// <summary>The key of the API address setting: <c>https://api.otto.market/</c>, or the sandbox's.</summary>
    public const string ApiUrlKey = "apiUrl";

    /// <summary>The key of the API client's id (OTTO Partner Connect → API access).</summary>
    public const string ClientIdKey = "clientId";

    /// <summary>The key of the API client's secret.</summary>
    public const string ClientSecretKey = "clientSecret";

    /// <summary>The key of the optional rate per endpoint (requests per minute); empty for no pacing.</summary>
    public const string RequestsPerMinuteKey = "requestsPerMinute";

    /// <summary>The key of the city shipments leave from.</summary>
    public const string ShipFromCityKey = "shipFromCity";

    /// <summary>The key of the postcode shipments leave from.</summary>
    public const string ShipFromZipCodeKey = "shipFromZipCode";

    /// <summary>The key of the country shipments leave from, ISO 3166-1 alpha-3 (DEU).</summary>
    public const string ShipFromCountryKey = "shipFromCountry";

    private readonly OttoClient _client;

    /// <summary>Creates the connector; <c>AddOtto()</c> does it.</summary>
    /// <param name="httpClientFactory">Makes the connector's named marketplace client.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs a secret or a token.</param>
    /// <param name="clock">The SDK's clock: when an order list was asked for bounds the import's cursor.</param>
    internal OttoConnector(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(clock);
        var logger = loggerFactory.CreateLogger<OttoConnector>();
        _client = new OttoClient(httpClientFactory, logger);
        Features =
        [
            new OttoStockFeature(_client),
            new OttoOrdersFeature(_client, clock),
            new OttoOrderStatusFeature(_client, logger),
            new OttoPriceFeature(_client),
        ];
    }

    /// <summary>The connector id, <c>otto</c>.</summary>
    public static ConnectorId Id => ConnectorId.Otto;

    /// <summary>
    /// The foreign-number rule: an article is identified by the partner SKU (<c>ottosku</c>), the <c>sku</c> OTTO's
    /// availability, price and order APIs name it by. OTTO's own numbers (the <c>productReference</c> that groups
    /// variations, the <c>moin</c>, the article number on otto.de) identify no variation in those APIs.
    /// </summary>
    public static ForeignNumberRule ForeignNumberRule { get; } = new(Id, ForeignNumberTarget.Any, ForeignNumberLabel.OttoSku, "OTTO Market partner SKU");

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "OTTO Market",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(ApiUrlKey, "API address")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "https://api.otto.market/ (the sandbox: https://sandbox.api.otto.market/).",
                },
                new SettingField(ClientIdKey, "Client id")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The API client's id, from OTTO Partner Connect (API access), with the scopes availability, orders, products and shipments.",
                },
                new SettingField(ClientSecretKey, "Client secret")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The API client's secret, shown once when the client is created.",
                },
                new SettingField(RequestsPerMinuteKey, "Requests per minute and endpoint")
                {
                    Description = "Optional. OTTO limits each endpoint per minute; set the figure OTTO's rate-limit page gives for your account (e.g. 60).",
                },
            ]),
            new SettingsGroup("shipping", "Shipping",
            [
                new SettingField(ShipFromCityKey, "Ship-from city") { Description = "Where parcels leave from (shipFromAddress.city)." },
                new SettingField(ShipFromZipCodeKey, "Ship-from postcode") { Description = "shipFromAddress.zipCode." },
                new SettingField(ShipFromCountryKey, "Ship-from country") { Description = "ISO 3166-1 alpha-3, e.g. DEU (shipFromAddress.countryCode)." },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: the API address (https://, plain http only on loopback), the rate
    /// per endpoint, and the ship-from address, its country in ISO 3166-1 alpha-3 as OTTO takes it.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => OttoSettings.Problems(settings);

    /// <summary>
    /// Checks the connection: an access token for the client, then one order of the list
    /// (<c>GET /v4/orders?limit=1</c>), so that both the credentials and the orders scope are proven.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed, or failed naming the setting to fix; never a secret.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!OttoSettings.TryRead(connection, out var settings, out var problem))
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        if (!connection.Settings.SecretsSet.Contains(ClientSecretKey))
        {
            return ConnectionCheckResult.Failure($"The OTTO Market client secret ({ClientSecretKey}) is not set.", ClientSecretKey);
        }

        OttoResponse response;
        try
        {
            response = await _client.SendAsync(connection, MarketplaceCall.Get("v4/orders?limit=1", OttoOperation.OrdersList), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure($"Check the OTTO Market API address ({ApiUrlKey}): {ex.Message}", ApiUrlKey);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return ConnectionCheckResult.Failure(
                $"OTTO Market refused the API client ({ClientIdKey} {settings.ClientId}, {ClientSecretKey}) with 401 {OttoErrors.Describe(response.Body)}. Check that the client exists and that the secret belongs to it.",
                ClientSecretKey);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failure(
                $"OTTO Market refused the orders API to client {settings.ClientId} with 403 {OttoErrors.Describe(response.Body)}. Give the API client the scopes {OttoApi.Scopes}.",
                ClientIdKey);
        }

        return response.IsSuccess
            ? ConnectionCheckResult.Success($"Connected to OTTO Market at {settings.ApiUrl} as API client {settings.ClientId}.")
            : ConnectionCheckResult.Failure($"OTTO Market answered the check with {(int)response.StatusCode} {OttoErrors.Describe(response.Body)}; is {ApiUrlKey} OTTO's API address?", ApiUrlKey);
    }
}
