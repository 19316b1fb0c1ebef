using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Ebay.Auth;
using Connect.Sdk.Ebay.Http;
using Connect.Sdk.Ebay.Inventory;
using Connect.Sdk.Ebay.Stock;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Ebay;

/// <summary>
/// The connector for eBay (Sell APIs): publishes stock by SKU with the Inventory API's <c>bulkUpdatePriceQuantity</c>,
/// and the offers' prices the same way, imports orders with the Fulfillment API by last-modified date and reports packages with tracking as shipping
/// fulfillments, with user access tokens from the seller's refresh token. One instance serves every eBay connection; each call brings
/// its connection's keys and refresh token in the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>Register it with <c>AddEbay()</c>, which also registers its HTTP client.</remarks>
public sealed class EbayConnector : IConnector
{
    /// <summary>The name of the connector's marketplace HTTP client.</summary>
    public const string HttpClientName = "Connect.Sdk.Ebay";

    /// <summary>The key of the application's client id (its keyset's App ID).</summary>
    public const string ClientIdKey = "clientId";

    /// <summary>The key of the application's client secret (its keyset's Cert ID).</summary>
    public const string ClientSecretKey = "clientSecret";

    /// <summary>The key of the seller's refresh token, from the authorization code grant.</summary>
    public const string RefreshTokenKey = "refreshToken";

    /// <summary>The key of the eBay marketplace id, e.g. <c>EBAY_DE</c>.</summary>
    public const string MarketplaceIdKey = "marketplaceId";

    /// <summary>The key of the optional API host, e.g. eBay's sandbox <c>https://api.sandbox.ebay.com/</c>.</summary>
    public const string ApiEndpointKey = "apiEndpoint";

    /// <summary>The key of the optional request rate per seller (requests per second); empty for no pacing.</summary>
    public const string RequestsPerSecondKey = "requestsPerSecond";

    /// <summary>The marketplace a connection sells on unless set: eBay Germany.</summary>
    public const string DefaultMarketplaceId = "EBAY_DE";

    private readonly EbayApiClient _client;
    private readonly EbayTokenCache _tokens;

    /// <summary>Creates the connector; <c>AddEbay()</c> does it.</summary>
    /// <param name="client">The Sell API client.</param>
    /// <param name="tokens">The connections' access tokens.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs a key, token or secret.</param>
    /// <param name="time">The time the offer directory's scans age on.</param>
    /// <param name="clock">The clock that says when an order list was asked for, which the import's cursor never passes.</param>
    internal EbayConnector(EbayApiClient client, EbayTokenCache tokens, ILoggerFactory loggerFactory, TimeProvider time, IClock clock)
    {
        _client = client;
        _tokens = tokens;
        var logger = loggerFactory.CreateLogger<EbayConnector>();
        // One offer directory for stock and prices: a SKU's offers read for one cost the other no call.
        var offers = new OfferDirectory(client, time);
        var bulk = new BulkPriceQuantityCall(client, offers, logger);
        Features =
        [
            new EbayStockFeature(bulk),
            new Prices.EbayPriceFeature(bulk),
            new Orders.EbayOrdersFeature(client, clock),
            new Shipments.EbayOrderStatusFeature(client),
        ];
    }

    /// <summary>The connector id, <c>ebay</c>.</summary>
    public static ConnectorId Id => ConnectorId.Ebay;

    /// <summary>
    /// The foreign-number rules of eBay as the SDK ships them: <c>eBayListing</c> for an article (the listing) and
    /// <c>SKU</c> (or <c>Bestandseinheit</c>) for a variant. The Inventory API works by SKU, so stock needs the SKU.
    /// </summary>
    public static IReadOnlyList<ForeignNumberRule> ForeignNumberRules { get; } = ForeignNumberRules_();

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "eBay",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("application", "eBay application",
            [
                new SettingField(ClientIdKey, "Client id (App ID)")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The App ID of the application's production keyset (developer.ebay.com, Application Keys).",
                },
                new SettingField(ClientSecretKey, "Client secret (Cert ID)")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The Cert ID of the same keyset.",
                },
                new SettingField(RefreshTokenKey, "Refresh token")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The seller's refresh token (v^1.1#…), issued when the seller authorised the application with the sell.inventory and sell.fulfillment scopes; valid 18 months.",
                },
            ]),
            new SettingsGroup("seller", "Seller account",
            [
                new SettingField(MarketplaceIdKey, "Marketplace")
                {
                    AffectsConnection = true,
                    DefaultValue = DefaultMarketplaceId,
                    Description = "The eBay marketplace the listings are on, e.g. EBAY_DE, EBAY_AT, EBAY_GB.",
                },
                new SettingField(ApiEndpointKey, "API host")
                {
                    AffectsConnection = true,
                    Description = "Leave empty for https://api.ebay.com/; https://api.sandbox.ebay.com/ for eBay's sandbox.",
                },
                new SettingField(RequestsPerSecondKey, "Requests per second")
                {
                    Description = "Optional. Paces the connection's calls, e.g. to spread a large stock run over eBay's daily call limits.",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: the marketplace id, the API host (https, or http on this machine)
    /// and the requests per second.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => EbaySettings.Problems(settings);

    /// <summary>
    /// Checks the connection: exchanges the refresh token (the keys and the seller's consent are verified) and reads one
    /// order page of the Fulfillment API with <c>limit=1</c>.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed, or failed naming the setting to fix; a revoked refresh token says to authorise the application again.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EbaySettings settings;
        EbayResponse response;
        try
        {
            settings = await EbaySettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            await _tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
            response = await _client.SendAsync(settings, MarketplaceCall.Get("sell/fulfillment/v1/order?limit=1", "fulfillment.getOrders"), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionSettingException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, ex.SettingKey);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, ApiEndpointKey);
        }

        return response.StatusCode switch
        {
            _ when response.IsSuccess => ConnectionCheckResult.Success($"Connected to eBay ({settings.MarketplaceId}) at {settings.ApiEndpoint}."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ConnectionCheckResult.Failure(
                $"eBay refused the access token of connection {settings.ConnectionId} with {(int)response.StatusCode} {settings.Redactor.Redact(EbayResponse.Describe(response.Body))}; authorise the application again with the sell.inventory and sell.fulfillment scopes and store the new refresh token in '{RefreshTokenKey}'.",
                RefreshTokenKey),
            _ => ConnectionCheckResult.Failure(
                $"eBay answered the check of connection {settings.ConnectionId} with {(int)response.StatusCode} {settings.Redactor.Redact(EbayResponse.Describe(response.Body))}.",
                ApiEndpointKey),
        };
    }

    private static ForeignNumberRule[] ForeignNumberRules_() =>
    [
        new(ConnectorId.Ebay, ForeignNumberTarget.Article, ForeignNumberLabel.EbayListing, "eBay listing (item) id"),
        new(ConnectorId.Ebay, ForeignNumberTarget.Variant, ForeignNumberLabel.Sku, "eBay variation SKU", ForeignNumberLabel.Bestandseinheit),
    ];
}
