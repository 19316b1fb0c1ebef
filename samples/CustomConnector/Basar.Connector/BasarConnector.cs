namespace Basar.Connector;

/// <summary>
/// The connector for Basar, a small German marketplace: publishes stock per offer, imports orders and reports
/// shipments with tracking. One instance serves every Basar connection; each call brings its connection's base URL
/// and API token in the <see cref="ConnectionContext"/>.
/// </summary>
/// <remarks>Register it with <c>AddBasar()</c>, which also adds its HTTP client.</remarks>
public sealed class BasarConnector : IConnector
{
    /// <summary>The key of the base URL setting, e.g. <c>https://api.basar.example/</c>.</summary>
    public const string BaseUrlKey = "baseUrl";

    /// <summary>The key of the API token secret (Basar's seller portal, "API-Zugang").</summary>
    public const string ApiTokenKey = "apiToken";

    /// <summary>The setting that names the carrier for parcels of services Basar does not know (needed by order status).</summary>
    public const string FallbackCarrierKey = "fallbackCarrier";

    private readonly BasarClients _clients;

    /// <summary>Creates the connector.</summary>
    /// <param name="httpClientFactory">The factory holding the client <c>AddBasar</c> registers.</param>
    public BasarConnector(IHttpClientFactory httpClientFactory)
    {
        _clients = new BasarClients(httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory)));
        Features = [new BasarStockFeature(_clients), new BasarOrdersFeature(_clients), new BasarOrderStatusFeature(_clients)];
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
                new SettingField(BaseUrlKey, "API base URL") { IsMandatory = true, AffectsConnection = true, DefaultValue = "https://api.basar.example/", Description = "Basar's API address; the sandbox has its own." },
                new SettingField(ApiTokenKey, "API token") { IsMandatory = true, IsSecret = true, Description = "Created in Basar's seller portal under API access." },
            ]),
            new SettingsGroup("shipping", "Shipping",
            [
                new SettingField(FallbackCarrierKey, "Carrier for other parcel services") { IsMandatory = true, Description = "Basar knows DHL, DPD, Hermes, GLS, UPS and Deutsche Post; a parcel of any other service is reported as this one." },
            ], FeatureKind.OrderStatus),
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
        try
        {
            var client = await _clients.ForAsync(connection, cancellationToken).ConfigureAwait(false);
            var ping = await client.SendForJsonAsync(MarketplaceCall.Get("ping", "ping"), BasarJsonContext.Default.BasarPingJson, cancellationToken).ConfigureAwait(false);
            return ConnectionCheckResult.Success($"Connected to Basar shop '{ping.ShopName}' (seller {ping.SellerId}).");
        }
        catch (ConnectSdkException ex)
        {
            var setting = ex is ConnectionSettingException bad ? bad.SettingKey : ex.CredentialsRefused ? ApiTokenKey : BaseUrlKey;
            return ConnectionCheckResult.Failure(ex.Message, setting);
        }
    }
}
