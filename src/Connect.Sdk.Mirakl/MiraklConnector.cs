using System.Net;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.Mirakl.Http;
using Connect.Sdk.Mirakl.Imports;
using Connect.Sdk.Mirakl.Orders;
using Connect.Sdk.Mirakl.Prices;
using Connect.Sdk.Mirakl.Shipments;
using Connect.Sdk.Mirakl.Stock;
using Connect.Sdk.Mirakl.Wire;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Mirakl;

/// <summary>
/// The connector for marketplaces run on Mirakl (MMP seller API), any operator: the operator's instance URL and the
/// shop are settings. Publishes stock and prices through Mirakl's offer file imports, imports orders once their lines
/// are accepted (automatically for what the ERP can fulfil, or by the user) and reports tracking and shipment
/// validation. One instance serves every Mirakl connection; each call brings its connection's settings and key.
/// </summary>
/// <remarks>Register it with <c>AddMirakl()</c>, which also registers its HTTP client.</remarks>
public sealed class MiraklConnector : IConnector
{
    /// <summary>The key of the operator's instance address setting, e.g. <c>https://marketplace.mirakl.net/</c>.</summary>
    public const string InstanceUrlKey = "instanceUrl";

    /// <summary>The key of the optional shop id, for a key that has access to several shops.</summary>
    public const string ShopIdKey = "shopId";

    /// <summary>The key of the shop API key secret (Mirakl back office → My user settings → API Key).</summary>
    public const string ApiKeyKey = "apiKey";

    /// <summary>The key of the order acceptance setting: <c>manual</c> (the default) or <c>automatic</c>.</summary>
    public const string AcceptanceKey = "acceptance";

    /// <summary>
    /// The key of the shipments setting: <c>order</c> (the default: each parcel's tracking for the whole order, OR23, and
    /// the order validated, OR24) or <c>lines</c> (each parcel as a shipment of its lines, ST01, where the operator has
    /// enabled multiple shipments).
    /// </summary>
    public const string ShipmentsKey = "shipments";

    /// <summary>The key of the price basis setting: <c>gross</c> (the default) or <c>net</c>, as the operator takes offer prices.</summary>
    public const string PriceBasisKey = "priceBasis";

    /// <summary>The key of the optional request rate (requests per second); empty for no pacing.</summary>
    public const string RequestsPerSecondKey = "requestsPerSecond";

    private readonly MiraklClient _client;

    /// <summary>Creates the connector; <c>AddMirakl()</c> does it.</summary>
    /// <param name="httpClientFactory">Makes the connector's named marketplace client.</param>
    /// <param name="loggerFactory">Where the connector logs; it never logs the key.</param>
    /// <param name="time">What the polling of file imports waits on, and the clock that tells when an order list was first asked for.</param>
    /// <param name="resolver">Gives the host's foreign-number resolution, for automatic acceptance; <see langword="null"/> when it has none.</param>
    /// <param name="stock">Gives the host's stock source, for automatic acceptance; <see langword="null"/> when it has none.</param>
    internal MiraklConnector(IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, TimeProvider time, Func<ForeignNumberResolver?> resolver, Func<IStockSource?> stock)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        var logger = loggerFactory.CreateLogger<MiraklConnector>();
        _client = new MiraklClient(httpClientFactory, logger);
        var reader = new OrderReader(_client);
        var import = new OfferFileImport(_client, time, logger);
        Features =
        [
            new MiraklStockFeature(import),
            new MiraklOrdersFeature(_client, reader, new OrderAcceptance(_client, reader, new FulfilmentCheck(resolver, stock, new AwaitingDebit(_client)), logger), time),
            new MiraklOrderStatusFeature(_client, reader),
            new MiraklPriceFeature(_client, import),
        ];
    }

    /// <summary>The connector id, <c>mirakl</c>.</summary>
    public static ConnectorId Id => ConnectorId.Mirakl;

    /// <summary>
    /// The foreign-number rule: an article is identified by its offer's shop SKU (<c>miraklshopsku</c>), which the seller
    /// chooses per offer and which is the ERP's SKU unless the seller chose otherwise.
    /// </summary>
    public static ForeignNumberRule ForeignNumberRule { get; } = new(Id, ForeignNumberTarget.Any, ForeignNumberLabel.MiraklShopSku, "Mirakl offer shop SKU");

    /// <inheritdoc />
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Mirakl",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus, FeatureKind.Prices],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(InstanceUrlKey, "Instance URL")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    Description = "The operator's Mirakl address, https://… (the API is under /api).",
                },
                new SettingField(ShopIdKey, "Shop id")
                {
                    AffectsConnection = true,
                    Description = "Optional. The shop's number, when the API key has access to several shops.",
                },
                new SettingField(ApiKeyKey, "Shop API key")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "From the Mirakl back office: My user settings → API Key.",
                },
            ]),
            new SettingsGroup("orders", "Orders",
            [
                new SettingField(AcceptanceKey, "Order acceptance")
                {
                    Description = "manual (default): orders wait in the journal until a user accepts them; automatic: orders the ERP can fulfil (every shop SKU mapped, enough free stock) are accepted.",
                },
                new SettingField(ShipmentsKey, "Shipments")
                {
                    Description = "order (default): each parcel's tracking is sent for the whole order; lines: each parcel is sent as a shipment of its lines, for operators that have enabled Mirakl's multiple shipments.",
                },
            ]),
            new SettingsGroup("prices", "Prices",
            [
                new SettingField(PriceBasisKey, "Price basis")
                {
                    Description = "gross (default) or net: how this operator takes offer prices. Mirakl's seller API does not tell it; ask the operator.",
                },
                new SettingField(RequestsPerSecondKey, "Requests per second")
                {
                    Description = "Optional. Mirakl publishes call frequencies, not an enforced limit; set this when the operator throttles (e.g. 2).",
                },
            ]),
        ]));

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Checks the plain settings when they are saved.</summary>
    /// <param name="settings">The connection's settings with the change applied.</param>
    /// <returns>One problem per invalid setting.</returns>
    public IReadOnlyList<SettingProblem> ValidateSettings(ConnectionSettings settings) => MiraklSettings.Problems(settings);

    /// <summary>Checks the connection with A01 (<c>GET /api/account</c>): the key and shop are verified, nothing else is read.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the shop's name, id and currency, or failed naming the setting to fix; never the key.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!MiraklSettings.TryRead(connection, out _, out var problem))
        {
            return ConnectionCheckResult.Failure(problem.Message, problem.Key);
        }

        if (!connection.Settings.SecretsSet.Contains(ApiKeyKey))
        {
            return ConnectionCheckResult.Failure($"The Mirakl shop API key ({ApiKeyKey}) is not set.", ApiKeyKey);
        }

        MarketplaceAnswer answer;
        MarketplaceClient client;
        try
        {
            (answer, client) = await _client.SendAsync(connection, MarketplaceCall.Get("account", "account.get"), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure($"Check the Mirakl instance URL ({InstanceUrlKey}): {ex.Message}", InstanceUrlKey);
        }

        if (answer.StatusCode == HttpStatusCode.Unauthorized)
        {
            return ConnectionCheckResult.Failure($"Mirakl refused the shop API key ({ApiKeyKey}) with 401 {MiraklClient.Describe(answer.Body)}. Copy the key again from the back office (My user settings → API Key).", ApiKeyKey);
        }

        if (answer.StatusCode == HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failure($"Mirakl refused the shop ({ShopIdKey}) with 403 {MiraklClient.Describe(answer.Body)}: the API key has no access to it.", ShopIdKey);
        }

        if (!answer.IsSuccess)
        {
            return ConnectionCheckResult.Failure($"Mirakl answered the check with {(int)answer.StatusCode} {MiraklClient.Describe(answer.Body)}; is {InstanceUrlKey} the operator's Mirakl address?", InstanceUrlKey);
        }

        try
        {
            var account = client.Read(answer, MiraklJsonContext.Default.MiraklAccountJson, "the connection check");
            return ConnectionCheckResult.Success($"Connected to Mirakl shop {account.ShopName ?? "(no name)"} ({account.ShopId}) selling in {account.CurrencyIsoCode ?? "(no currency)"} at {connection.Settings.Get(InstanceUrlKey)}.");
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, InstanceUrlKey);
        }
    }
}
