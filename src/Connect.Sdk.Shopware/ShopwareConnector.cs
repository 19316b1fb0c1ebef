using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopware.Http;
using Connect.Sdk.Shopware.Orders;
using Connect.Sdk.Shopware.Prices;
using Connect.Sdk.Shopware.Shipments;
using Connect.Sdk.Shopware.Stock;
using Connect.Sdk.Shopware.Wire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shopware;

/// <summary>
/// The connector for Shopware 6 shops (Admin API, <c>/api</c>): publishes stock and prices of products and variants by
/// product number through the sync API, imports orders through the search API and reports shipments as tracking codes
/// and state transitions of the order's delivery. One instance serves every Shopware connection.
/// </summary>
/// <remarks>
/// Register it with <c>AddShopware()</c>. Shopware uses the identity rule: the ERP article number is the product number,
/// so no foreign numbers are imported.
/// </remarks>
public sealed class ShopwareConnector : IConnector
{
    /// <summary>The key of the shop address setting, e.g. <c>https://shop.example.com/</c> (the Admin API is under <c>/api</c>).</summary>
    public const string ShopUrlKey = "shopUrl";

    /// <summary>The key of the integration's access key id (secret; Settings → System → Integrations).</summary>
    public const string ClientIdKey = "clientId";

    /// <summary>The key of the integration's secret access key, shown once when the integration is created.</summary>
    public const string ClientSecretKey = "clientSecret";

    /// <summary>The key of the optional request rate per shop (requests per second); empty for no pacing.</summary>
    public const string RequestsPerSecondKey = "requestsPerSecond";

    private readonly ShopwareClient _client;

    /// <summary>Creates the connector; <c>AddShopware()</c> does it.</summary>
    /// <param name="httpClientFactory">Makes the connector's named marketplace client.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs a key, secret or token.</param>
    /// <param name="clock">The clock that says when an order list was asked for, which the import's cursor never passes.</param>
    internal ShopwareConnector(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<ShopwareConnector>();
        _client = new ShopwareClient(httpClientFactory, logger);
        var directory = new ProductDirectory(_client);
        var sender = new SyncSender(_client, logger);
        Features =
        [
            new ShopwareStockFeature(directory, sender),
            new ShopwareOrdersFeature(_client, clock),
            new ShopwareOrderStatusFeature(_client),
            new ShopwarePriceFeature(_client, directory, sender),
        ];
    }

    /// <summary>The connector id, <c>shopware</c>.</summary>
    public static ConnectorId Id => ConnectorId.Shopware;

    /// <summary>
    /// The label of the product number on order lines (<c>productnumber</c>). Under the identity rule the SDK resolves it
    /// as the article number whatever its label; a host that maps articles by labelled foreign numbers instead may use it
    /// as its rule's label.
    /// </summary>
    public static ForeignNumberLabel ProductNumberLabel { get; } = new("productnumber");

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Shopware 6",
        ChannelKind.Shop,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(ShopUrlKey, "Shop URL")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The shop's address, https://… (plain http only for a shop on this machine); the Admin API is under /api.",
                },
                new SettingField(ClientIdKey, "Access key ID")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "SWIA…, from Settings → System → Integrations, an integration with the rights to read and write products and orders.",
                },
                new SettingField(ClientSecretKey, "Secret access key")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "Shown once when the integration is created.",
                },
                new SettingField(RequestsPerSecondKey, "Requests per second")
                {
                    Description = "Optional. The Admin API documents no rate limit; set this when the shop's host limits requests (e.g. 5).",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Checks the plain settings when they are saved: an https:// shop URL (http only on loopback), a positive request rate.</summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => ShopwareSettings.Problems(settings);

    /// <summary>Checks the connection: a token for the access key and <c>GET /api/_info/version</c>; no product or order is read.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the shop's version, or failed naming the setting to fix; never a secret.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!ShopwareSettings.TryRead(connection, out _, out var problem))
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        foreach (var key in new[] { ClientIdKey, ClientSecretKey })
        {
            if (!connection.Settings.SecretsSet.Contains(key))
            {
                return ConnectionCheckResult.Failure($"The Shopware {(key == ClientIdKey ? "access key ID" : "secret access key")} ({key}) is not set.", key);
            }
        }

        try
        {
            var (answer, client) = await _client.SendAsync(connection, Http.ShopwareCheck.Version, cancellationToken).ConfigureAwait(false);
            if ((int)answer.StatusCode is 401 or 403)
            {
                return ConnectionCheckResult.Failure(
                    $"Shopware refused the access key ({ClientIdKey}, {ClientSecretKey}) with {(int)answer.StatusCode} {ShopwareErrors.Describe(answer.Body)}. Check that the integration exists and the secret belongs to it.",
                    ClientSecretKey);
            }

            if (!answer.IsSuccess)
            {
                return ConnectionCheckResult.Failure($"Shopware answered the check with {(int)answer.StatusCode} {ShopwareErrors.Describe(answer.Body)}; is {ShopUrlKey} the shop's address?", ShopUrlKey);
            }

            var version = client.Read(answer, ShopwareJsonContext.Default.VersionJson, "the connection check");
            return ConnectionCheckResult.Success($"Connected to Shopware {version.Version ?? "(version unknown)"} at {connection.Settings.Get(ShopUrlKey)}.");
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure($"Check the Shopware shop URL ({ShopUrlKey}): {ex.Message}", ShopUrlKey);
        }
    }
}
