using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;
using Connect.Sdk.WooCommerce.Http;
using Connect.Sdk.WooCommerce.Orders;
using Connect.Sdk.WooCommerce.Shipments;
using Connect.Sdk.WooCommerce.Stock;
using Connect.Sdk.WooCommerce.Wire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.WooCommerce;

/// <summary>
/// The connector for WooCommerce shops (REST API v3, <c>/wp-json/wc/v3</c>): publishes stock of products and variations
/// by SKU, imports orders by modification time and reports shipments (status <c>completed</c> and a tracking note).
/// One instance serves every WooCommerce connection; each call brings its connection's store address and API key in
/// the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>Register it with <c>AddWooCommerce()</c>, which also registers its HTTP client.</remarks>
public sealed class WooCommerceConnector : IConnector
{
    /// <summary>The key of the store address setting, e.g. <c>https://shop.example.com/</c>.</summary>
    public const string StoreUrlKey = "storeUrl";

    /// <summary>The key of the consumer key secret (<c>ck_…</c>; WooCommerce → Settings → Advanced → REST API).</summary>
    public const string ConsumerKeyKey = "consumerKey";

    /// <summary>The key of the consumer secret (<c>cs_…</c>), shown once when the key is created.</summary>
    public const string ConsumerSecretKey = "consumerSecret";

    /// <summary>The key of the optional request rate per store (requests per second); empty for no pacing.</summary>
    public const string RequestsPerSecondKey = "requestsPerSecond";

    private readonly WooCommerceClient _client;

    /// <summary>Creates the connector; <c>AddWooCommerce()</c> does it.</summary>
    /// <param name="httpClientFactory">Makes the connector's named marketplace client.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs a key or secret.</param>
    /// <param name="clock">The SDK's clock: how long a shop's currency read is kept.</param>
    internal WooCommerceConnector(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(clock);
        var logger = loggerFactory.CreateLogger<WooCommerceConnector>();
        _client = new WooCommerceClient(httpClientFactory, logger);
        // One directory for stock and prices: a SKU is looked up once, whichever feature needs it first.
        var skus = new SkuDirectory(_client, logger);
        Features =
        [
            new WooCommerceStockFeature(_client, skus, logger),
            new WooCommerceOrdersFeature(_client),
            new WooCommerceOrderStatusFeature(_client, logger),
            new Prices.WooCommercePriceFeature(_client, skus, new Prices.ShopPriceSettings(_client, clock)),
        ];
    }

    /// <summary>The connector id, <c>woocommerce</c>.</summary>
    public static ConnectorId Id => ConnectorId.WooCommerce;

    /// <summary>
    /// The foreign-number rule: an article (simple product or variation) is identified by its <c>SKU</c>, which WooCommerce
    /// keeps unique per shop.
    /// </summary>
    public static ForeignNumberRule ForeignNumberRule { get; } = new(Id, ForeignNumberTarget.Any, ForeignNumberLabel.Sku, "WooCommerce product or variation SKU");

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "WooCommerce",
        ChannelKind.Shop,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(StoreUrlKey, "Store URL")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The shop's address, https://… (plain http only for a shop on this machine).",
                },
                new SettingField(ConsumerKeyKey, "Consumer key")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "ck_…, from WooCommerce → Settings → Advanced → REST API, with read/write permission.",
                },
                new SettingField(ConsumerSecretKey, "Consumer secret")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "cs_…, shown once when the key is created.",
                },
                new SettingField(RequestsPerSecondKey, "Requests per second")
                {
                    Description = "Optional. WooCommerce has no rate limit of its own; set this when the shop's host limits requests (e.g. 2).",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>
    /// Checks the plain settings when they are saved: the store URL must be an https:// address without user info or
    /// query string (plain http only on loopback), and the requests per second a positive number up to
    /// <see cref="WooCommerceSettings.MaxRequestsPerSecond"/>.
    /// </summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => WooCommerceSettings.Problems(settings);

    /// <summary>
    /// Checks the connection with <c>GET /system_status</c>: the key and secret are verified, no orders or products are read.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the shop's address and version, or failed naming the setting to fix; never a secret.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!WooCommerceSettings.TryRead(connection, out _, out var problem))
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        foreach (var key in new[] { ConsumerKeyKey, ConsumerSecretKey })
        {
            if (!connection.Settings.SecretsSet.Contains(key))
            {
                return ConnectionCheckResult.Failure($"The WooCommerce {(key == ConsumerKeyKey ? "consumer key" : "consumer secret")} ({key}) is not set.", key);
            }
        }

        WooCommerceResponse response;
        try
        {
            response = await _client.SendAsync(connection, WooCommerceCall.Get("system_status", "system_status.get"), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            // Unreachable, timed out or its circuit open: one exception from the marketplace client, secrets redacted.
            return ConnectionCheckResult.Failure($"Check the WooCommerce store URL ({StoreUrlKey}): {ex.Message}", StoreUrlKey);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var description = WooCommerceClient.Describe(response.Body);
            var setting = description.Contains("secret", StringComparison.OrdinalIgnoreCase) ? ConsumerSecretKey : ConsumerKeyKey;
            return ConnectionCheckResult.Failure(
                $"WooCommerce refused the consumer key or secret ({ConsumerKeyKey}, {ConsumerSecretKey}) with {(int)response.StatusCode} {description}. Check that the key exists, has read/write permission and that the secret belongs to it.",
                setting);
        }

        if (!response.IsSuccess)
        {
            return ConnectionCheckResult.Failure($"WooCommerce answered the check with {(int)response.StatusCode} {WooCommerceClient.Describe(response.Body)}; is {StoreUrlKey} the shop's address and the REST API enabled?", StoreUrlKey);
        }

        try
        {
            var status = WooCommerceClient.Read(response, WooCommerceJsonContext.Default.WooSystemStatusJson, "the connection check");
            return ConnectionCheckResult.Success($"Connected to WooCommerce {status.Environment.Version ?? "(version unknown)"} at {status.Environment.HomeUrl ?? connection.Settings.Get(StoreUrlKey)}.");
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, StoreUrlKey);
        }
    }
}
