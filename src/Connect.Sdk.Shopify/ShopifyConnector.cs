using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify.Catalog;
using Connect.Sdk.Shopify.Fulfillments;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Orders;
using Connect.Sdk.Shopify.Prices;
using Connect.Sdk.Shopify.Stock;
using Connect.Sdk.Shopify.Wire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shopify;

/// <summary>
/// The connector for Shopify's Admin GraphQL API: stock as the available quantity of inventory items at one location,
/// orders by cursor and by name, fulfillments with tracking, and variant prices. One instance serves every Shopify connection; each
/// call brings its shop, token and location in the <see cref="ConnectionContext"/>, and every request is paced on the
/// shop's cost bucket, shared by all connections of that shop.
/// </summary>
/// <remarks>Register it with <c>AddShopify()</c>, which also registers its HTTP client and foreign-number rules.</remarks>
public sealed class ShopifyConnector : IConnector
{
    /// <summary>The key of the shop address setting: its myshopify.com domain, e.g. <c>my-shop.myshopify.com</c>.</summary>
    public const string ShopKey = "shop";

    // The access scopes the connector's queries and mutations need.
    private const string RequiredScopes = "read_orders, read_products, read_locations, write_inventory, write_merchant_managed_fulfillment_orders and write_products (prices) (read_all_orders for orders older than 60 days)";

    /// <summary>The key of the Admin API access token secret (a custom app's <c>shpat_…</c> token).</summary>
    public const string AccessTokenKey = "accessToken";

    /// <summary>The key of the API version setting, e.g. <c>2026-04</c>.</summary>
    public const string ApiVersionKey = "apiVersion";

    /// <summary>The key of the location setting: the id (or GID) of the location whose stock the ERP publishes.</summary>
    public const string LocationKey = "locationId";

    /// <summary>The API version used when the setting is empty.</summary>
    public const string DefaultApiVersion = "2026-04";

    /// <summary>The name of the connector's HTTP client (<c>AddMarketplaceHttpClient</c>).</summary>
    public const string HttpClientName = "Connect.Sdk.Shopify";

    private readonly ShopifyGraphQLClient _client;

    /// <summary>Creates the connector; <c>AddShopify()</c> does it with the host's services.</summary>
    /// <param name="httpClientFactory">The factory of the client named <see cref="HttpClientName"/>.</param>
    /// <param name="budgets">The shared rate budgets (the same singleton the client's pacing uses).</param>
    /// <param name="loggerFactory">Where the connector logs; never a token.</param>
    public ShopifyConnector(IHttpClientFactory httpClientFactory, AccountBudgets budgets, ILoggerFactory loggerFactory)
        : this(httpClientFactory, budgets, loggerFactory, SystemClock.Instance)
    {
    }

    /// <summary>Creates the connector; <c>AddShopify()</c> does it with the host's services.</summary>
    /// <param name="httpClientFactory">The factory of the client named <see cref="HttpClientName"/>.</param>
    /// <param name="budgets">The shared rate budgets (the same singleton the client's pacing uses).</param>
    /// <param name="loggerFactory">Where the connector logs; never a token.</param>
    /// <param name="clock">The SDK's clock: how long a shop's currency read is kept.</param>
    public ShopifyConnector(IHttpClientFactory httpClientFactory, AccountBudgets budgets, ILoggerFactory loggerFactory, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(clock);
        var logger = loggerFactory.CreateLogger<ShopifyConnector>();
        _client = new ShopifyGraphQLClient(httpClientFactory, budgets, logger);
        var finder = new ShopifyVariantFinder(_client);
        Features =
        [
            new ShopifyStockFeature(_client, new ShopifyInventoryReader(finder), logger),
            new ShopifyOrdersFeature(_client),
            new ShopifyOrderStatusFeature(_client, logger),
            new ShopifyPriceFeature(_client, finder, new ShopifyShopPricing(_client, clock)),
        ];
    }

    /// <summary>The connector id, <c>shopify</c>.</summary>
    public static ConnectorId Id => ConnectorId.Shopify;

    /// <summary>
    /// Shopify's GraphQL cost bucket per shop: 2,000 points restoring at 100 per second (the Standard plan's restore
    /// rate; the size as the SDK's HTTP guide and the fake assume it).
    /// </summary>
    public static RateLimitModel RateLimit { get; } = RateLimitModel.CostBased(2000, 100);

    /// <summary>
    /// The connector's foreign-number rules: a simple article (a product without options) carries its
    /// <c>shopifyproductid</c>, a variant its <c>shopifyvariantid</c>; a matrix parent carries none (its variants
    /// have the stock). <c>AddShopify()</c> adds them unless the SDK's rules have Shopify's already.
    /// </summary>
    public static IReadOnlyList<ForeignNumberRule> ForeignNumberRules { get; } =
    [
        new(ConnectorId.Shopify, ForeignNumberTarget.Article, ForeignNumberLabel.ShopifyProductId, "Shopify product id"),
        new(ConnectorId.Shopify, ForeignNumberTarget.Variant, ForeignNumberLabel.ShopifyVariantId, "Shopify variant id"),
    ];

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        ConnectorId.Shopify,
        "Shopify",
        ChannelKind.Shop,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(ShopKey, "Shop address")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The shop's myshopify.com domain, e.g. my-shop.myshopify.com.",
                },
                new SettingField(AccessTokenKey, "Admin API access token")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "The Admin API access token of the shop's custom app (Settings › Apps › Develop apps); it needs read_orders, read_products, read_locations, write_inventory and write_merchant_managed_fulfillment_orders, write_products to publish prices, and read_all_orders to import orders older than 60 days.",
                },
                new SettingField(ApiVersionKey, "API version")
                {
                    AffectsConnection = true,
                    DefaultValue = DefaultApiVersion,
                    Description = "The Admin API version, 2026-04 or later (stock needs changeFromQuantity).",
                },
            ]),
            new SettingsGroup(
                "stock",
                "Stock",
                [
                    new SettingField(LocationKey, "Location")
                    {
                        IsMandatory = true,
                        Description = "The id of the Shopify location whose available stock the ERP sets (Settings › Locations; the number in the address).",
                    },
                ],
                FeatureKind.Stock),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: the shop address must be a domain or https:// address without
    /// user info or query string, the API version a Shopify version not older than <c>2026-04</c>, and the location a
    /// location id or GID.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => ShopifySettings.Problems(settings);

    /// <summary>
    /// Checks the connection with the cheap <c>shop</c> query (and, when set, that the location exists): the token is
    /// verified, no business data is exchanged.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the shop's name, or failed naming the setting to fix; never the token.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (_, problem) = ShopifySettings.Read(connection.Settings);
        if (problem is not null)
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        ShopifySession session;
        try
        {
            session = await ShopifySession.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException)
        {
            return ConnectionCheckResult.Failure("No Admin API access token is stored for the connection; enter the custom app's token.", AccessTokenKey);
        }

        try
        {
            var data = await _client.SendAsync(session, ShopifyDocuments.Shop, null, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyShopDataJson, cancellationToken).ConfigureAwait(false);
            if (session.Settings.LocationGid is { } location)
            {
                var found = await _client.SendAsync(session, ShopifyDocuments.Location, new() { ["id"] = location }, ShopifyJsonContext.Default.ShopifyResponseJsonShopifyLocationDataJson, cancellationToken).ConfigureAwait(false);
                if (found.Location is null)
                {
                    return ConnectionCheckResult.Failure($"Shopify has no location {ShopifyGid.IdOf(location)} in shop '{data.Shop?.Name}'; enter the id of one of the shop's locations.", LocationKey);
                }
            }

            return ConnectionCheckResult.Success($"Connected to Shopify shop '{data.Shop?.Name}' ({data.Shop?.MyshopifyDomain}).");
        }
        catch (ConnectSdkException ex) when (ex.MarketplaceStatusCode is 401 or 403)
        {
            return ConnectionCheckResult.Failure(
                $"Shopify refused the Admin API access token (HTTP {ex.MarketplaceStatusCode}): check setting '{AccessTokenKey}' and the app's access scopes.",
                AccessTokenKey);
        }
        catch (ConnectSdkException ex) when (ShopifyGraphQLClient.HasErrorCode(ex, "ACCESS_DENIED"))
        {
            // The token is valid but its app lacks a scope: the token (a new one with the scope) is what to fix.
            return ConnectionCheckResult.Failure(
                $"The Admin API access token lacks an access scope ({ex.Message}); grant the app {RequiredScopes} and enter its new token in setting '{AccessTokenKey}'.",
                AccessTokenKey);
        }
        catch (ConnectSdkException ex)
        {
            // An error status, an unreadable answer, or none at all ("Shopify could not be reached for …"): the address.
            return ConnectionCheckResult.Failure(ex.Message, ShopKey);
        }
    }
}
