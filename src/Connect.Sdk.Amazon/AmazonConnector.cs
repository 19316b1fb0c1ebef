using System.Net;
using Connect.Sdk.Amazon.Auth;
using Connect.Sdk.Amazon.Http;
using Connect.Sdk.Amazon.Orders;
using Connect.Sdk.Amazon.Prices;
using Connect.Sdk.Amazon.Shipments;
using Connect.Sdk.Amazon.Stock;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace Connect.Sdk.Amazon;

/// <summary>
/// The connector for Amazon's Selling Partner API: imports orders and their items, publishes the stock of
/// merchant-fulfilled SKUs and the offer prices of all SKUs, and confirms shipments with tracking. One instance serves every Amazon connection; each call
/// brings its connection's credentials in the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddConnectSdk().AddAmazon()</c>, which also registers its HTTP client (paced per
/// seller, region and operation on Amazon's documented usage plans) and its foreign-number rules.
/// </remarks>
public sealed class AmazonConnector : IConnector
{
    /// <summary>The name of the connector's marketplace HTTP client (one for every connection).</summary>
    public const string HttpClientName = "Connect.Sdk.Amazon";

    /// <summary>The key of the LWA client id setting (<c>amzn1.application-oa2-client.…</c>).</summary>
    public const string ClientIdKey = "clientId";

    /// <summary>The key of the LWA client secret (secret).</summary>
    public const string ClientSecretKey = "clientSecret";

    /// <summary>The key of the seller's LWA refresh token (secret, <c>Atzr|…</c>).</summary>
    public const string RefreshTokenKey = "refreshToken";

    /// <summary>The key of the seller (merchant) id setting, e.g. <c>A2EXAMPLE1SELLER</c>.</summary>
    public const string SellerIdKey = "sellerId";

    /// <summary>The key of the region setting: <c>na</c>, <c>eu</c> or <c>fe</c>.</summary>
    public const string RegionKey = "region";

    /// <summary>The key of the marketplace ids setting: one or more ids separated by commas, e.g. <c>A1PN6IFQEWUF5Q</c>.</summary>
    public const string MarketplaceIdsKey = "marketplaceIds";

    /// <summary>The key of the optional SP-API endpoint override (sandbox, tests); empty for the region's endpoint.</summary>
    public const string SpApiEndpointKey = "spApiEndpoint";

    /// <summary>The key of the optional LWA token endpoint override (tests); empty for <c>https://api.amazon.com/auth/o2/token</c>.</summary>
    public const string LwaTokenEndpointKey = "lwaTokenEndpoint";

    private readonly AmazonApiClient _client;
    private readonly AccessTokenCache _tokens;
    private readonly TimeProvider _time;

    internal AmazonConnector(AmazonApiClient client, AccessTokenCache tokens, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _client = client;
        _tokens = tokens;
        _time = time;
        var logger = loggerFactory.CreateLogger<AmazonConnector>();
        Features =
        [
            new AmazonStockFeature(client, logger),
            new AmazonOrdersFeature(client, logger),
            new AmazonOrderStatusFeature(client, logger),
            new AmazonPriceFeature(client, logger),
        ];
    }

    /// <summary>The connector id, <c>amazon</c>.</summary>
    public static ConnectorId Id => ConnectorId.Amazon;

    /// <summary>
    /// The foreign-number rules of Amazon: a seller SKU labelled <c>SKU_FBA</c> (fulfilled by Amazon; its stock is
    /// Amazon's and never sent) or <c>SKU_FBM</c> (fulfilled by the merchant; its stock is published), on any article.
    /// </summary>
    public static IReadOnlyList<ForeignNumberRule> ForeignNumberRules { get; } =
    [
        new(ConnectorId.Amazon, ForeignNumberTarget.Any, ForeignNumberLabel.SkuFba, "Amazon seller SKU, fulfilled by Amazon"),
        new(ConnectorId.Amazon, ForeignNumberTarget.Any, ForeignNumberLabel.SkuFbm, "Amazon seller SKU, fulfilled by the merchant"),
    ];

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        ConnectorId.Amazon,
        "Amazon",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("application", "SP-API application",
            [
                new SettingField(ClientIdKey, "LWA client id")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The Login with Amazon client id of the SP-API application (Seller Central, Develop Apps).",
                },
                new SettingField(ClientSecretKey, "LWA client secret")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The application's LWA client secret.",
                },
                new SettingField(RefreshTokenKey, "Refresh token")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The seller's LWA refresh token (Atzr|…), issued when the seller authorised the application.",
                },
            ]),
            new SettingsGroup("seller", "Seller account",
            [
                new SettingField(SellerIdKey, "Seller id")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The seller's merchant token (Seller Central, Account info); the Listings API names it in its paths.",
                },
                new SettingField(RegionKey, "Region")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    DefaultValue = AmazonRegion.Europe,
                    Description = "The SP-API region of the seller's marketplaces: na (North America), eu (Europe), fe (Far East).",
                },
                new SettingField(MarketplaceIdsKey, "Marketplace ids")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The marketplaces to import orders from and publish stock to, separated by commas (Amazon.de: A1PN6IFQEWUF5Q).",
                },
            ]),
            new SettingsGroup("endpoints", "Endpoints (optional)",
            [
                new SettingField(SpApiEndpointKey, "SP-API endpoint")
                {
                    AffectsConnection = true,
                    Description = "Leave empty for the region's endpoint; set it for Amazon's sandbox or a test server.",
                },
                new SettingField(LwaTokenEndpointKey, "LWA token endpoint")
                {
                    AffectsConnection = true,
                    Description = "Leave empty for https://api.amazon.com/auth/o2/token; set it for a test server.",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: the region must be one of na, eu or fe, the marketplace ids 1 to
    /// 50, and the optional endpoints http(s) addresses without user info.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => AmazonConnectionSettings.Problems(settings);

    /// <summary>
    /// Checks the connection: the refresh token is exchanged for an access token, then one order of the last minute is
    /// asked for (<c>getOrders</c> with one result), which proves the token, the endpoint and the marketplace ids.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed, or failed with what to fix and the setting most likely wrong; never a secret.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        AmazonConnectionSettings settings;
        try
        {
            settings = await AmazonConnectionSettings.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            await _tokens.GetAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonSettingException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, ex.SettingKey);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, LwaTokenEndpointKey);
        }

        var since = InstantPattern.ExtendedIso.Format(Instant.FromDateTimeOffset(_time.GetUtcNow()) - Duration.FromMinutes(1));
        var query = $"orders/v0/orders?MarketplaceIds={Uri.EscapeDataString(string.Join(',', settings.MarketplaceIds))}&LastUpdatedAfter={Uri.EscapeDataString(since)}&MaxResultsPerPage=1";
        AmazonResponse response;
        try
        {
            response = await _client.GetAsync(settings, AmazonOperation.GetOrders, query, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, SpApiEndpointKey);
        }

        return response.StatusCode switch
        {
            _ when response.IsSuccess => ConnectionCheckResult.Success(
                $"Connected to Amazon seller {settings.SellerId} in region {settings.Region} (marketplaces {string.Join(", ", settings.MarketplaceIds)})."),
            HttpStatusCode.BadRequest => ConnectionCheckResult.Failure(
                $"Amazon refused the marketplace ids of connection {settings.ConnectionId}: {settings.Redactor.Redact(response.Describe())}.", MarketplaceIdsKey),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ConnectionCheckResult.Failure(
                $"Amazon refused the access token of connection {settings.ConnectionId} ({settings.Redactor.Redact(response.Describe())}); check that the seller authorised the application for the region and that the refresh token belongs to it.", RefreshTokenKey),
            _ => ConnectionCheckResult.Failure(
                $"Amazon answered the check of connection {settings.ConnectionId} with {settings.Redactor.Redact(response.Describe())}.", SpApiEndpointKey),
        };
    }
}
