using System.Net;
using Basar.Connector.Http;
using Basar.Connector.Orders;
using Basar.Connector.Shipments;
using Basar.Connector.Stock;
using Basar.Connector.Wire;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace Basar.Connector;

/// <summary>
/// The connector for Basar, a small German marketplace: publishes stock per offer, imports orders and reports
/// shipments with tracking. One instance serves every Basar connection; each call brings its connection's base URL
/// and API token in the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>
/// Register it with <c>AddBasar()</c>. The connector owns its <see cref="HttpClient"/> and disposes it with itself.
/// </remarks>
public sealed class BasarConnector : IConnector, IDisposable
{
    /// <summary>The key of the base URL setting, e.g. <c>https://api.basar.example/</c>.</summary>
    public const string BaseUrlKey = "baseUrl";

    /// <summary>The key of the API token secret (Basar's seller portal, "API-Zugang").</summary>
    public const string ApiTokenKey = "apiToken";

    /// <summary>The setting that names the carrier for parcels of services Basar does not know (needed by order status).</summary>
    public const string FallbackCarrierKey = "fallbackCarrier";

    private readonly HttpClient _http;
    private readonly BasarApiClient _client;

    /// <summary>Creates the connector.</summary>
    /// <param name="loggerFactory">Where the connector logs; it never logs a token.</param>
    /// <param name="timeProvider">The time the retry waits run on; <see cref="TimeProvider.System"/> by default, a fake one in tests.</param>
    /// <param name="handler">The HTTP handler to send through, or <see langword="null"/> for a pooled one; the caller keeps ownership of a handler it passes.</param>
    public BasarConnector(ILoggerFactory loggerFactory, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);

        // One long-lived client for every connection; the handler renews pooled connections so DNS changes are seen.
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client = new BasarApiClient(_http, timeProvider ?? TimeProvider.System, loggerFactory.CreateLogger<BasarConnector>());
        Features = [new BasarStockFeature(_client), new BasarOrdersFeature(_client), new BasarOrderStatusFeature(_client)];
    }

    /// <summary>The connector id, <c>basar</c>.</summary>
    public static ConnectorId Id { get; } = new("basar");

    /// <summary>
    /// The label of Basar's foreign numbers, <c>basarofferid</c>: Basar keys stock and order lines by the seller's offer
    /// id, one per sellable item (each variant has its own), so one label serves every article kind.
    /// </summary>
    public static ForeignNumberLabel OfferIdLabel { get; } = new("basarofferid");

    /// <summary>The foreign-number rule to add to the SDK's rules (<c>AddBasar</c> does it).</summary>
    public static ForeignNumberRule ForeignNumberRule { get; } = new(Id, ForeignNumberTarget.Any, OfferIdLabel, "Basar offer id");

    /// <inheritdoc />
    #region snippet: connector-descriptor
    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Basar",
        ChannelKind.Marketplace,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField(BaseUrlKey, "API base URL")
                {
                    IsMandatory = true,
                    AffectsConnection = true,
                    DefaultValue = "https://api.basar.example/",
                    Description = "Basar's API address; the sandbox has its own.",
                },
                new SettingField(ApiTokenKey, "API token")
                {
                    IsMandatory = true,
                    IsSecret = true,
                    Description = "Created in Basar's seller portal under API access.",
                },
            ]),
            new SettingsGroup(
                "shipping",
                "Shipping",
                [
                    new SettingField(FallbackCarrierKey, "Carrier for other parcel services")
                    {
                        IsMandatory = true,
                        Description = "Basar knows DHL, DPD, Hermes, GLS, UPS and Deutsche Post; a parcel of any other service is reported as this one.",
                    },
                ],
                FeatureKind.OrderStatus),
        ]));
    #endregion

    /// <inheritdoc />
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Checks the connection with <c>GET /api/v1/ping</c>: the token is verified, no business data is read.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Passed with the shop's name, or failed with what to fix; never the token.</returns>
    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        BasarResponse response;
        try
        {
            response = await _client.SendAsync(connection, HttpMethod.Get, "ping", null, BasarRetry.Idempotent, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, BaseUrlKey);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return ConnectionCheckResult.Failure($"Basar rejected the API token ({(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}).", ApiTokenKey);
        }

        if (!response.IsSuccess)
        {
            return ConnectionCheckResult.Failure($"Basar answered the check with {(int)response.StatusCode} {BasarApiClient.Describe(response.Body)}.", BaseUrlKey);
        }

        try
        {
            var ping = BasarApiClient.Read(response, BasarJsonContext.Default.BasarPingJson, "the check");
            return ConnectionCheckResult.Success($"Connected to Basar shop '{ping.ShopName}' (seller {ping.SellerId}).");
        }
        catch (ConnectSdkException ex)
        {
            return ConnectionCheckResult.Failure(ex.Message, BaseUrlKey);
        }
    }

    /// <summary>Disposes the connector's HTTP client.</summary>
    public void Dispose() => _http.Dispose();
}
