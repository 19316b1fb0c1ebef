using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Settings;

namespace LifecycleWalkthrough.DemoShop;

/// <summary>
/// A connector for an invented shop, just enough to walk the lifecycle: it checks the token it is given
/// and accepts stock levels. Real connectors talk HTTP; this one keeps everything in memory.
/// </summary>
internal sealed class DemoShopConnector : IConnector
{
    public const string ValidToken = "demo-token-2f8a61c4";

    public static readonly ConnectorId Id = new("demoshop");

    public static readonly ForeignNumberLabel SkuLabel = new("demosku");

    public static readonly ForeignNumberRule ForeignNumberRule = new(Id, ForeignNumberTarget.Any, SkuLabel, "Demo shop SKU");

    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Demo Shop",
        ChannelKind.Shop,
        [FeatureKind.Stock],
        new SettingsSchema(
        [
            new SettingsGroup("connection", "Connection",
            [
                new SettingField("shopUrl", "Shop URL") { IsMandatory = true, AffectsConnection = true },
                new SettingField("apiToken", "API token") { IsMandatory = true, IsSecret = true },
            ]),
            new SettingsGroup("stock", "Stock", [new SettingField("warehouse", "Warehouse") { IsMandatory = true }], FeatureKind.Stock),
        ]));

    public IReadOnlyList<IFeature> Features { get; } = [new DemoShopStockFeature()];

    public async ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var token = await connection.GetSecretAsync("apiToken", cancellationToken);
        return token.Reveal() == ValidToken
            ? ConnectionCheckResult.Success($"Connected to {connection.Settings.Get("shopUrl")}.")
            : ConnectionCheckResult.Failure("The shop rejected the API token (401 Unauthorized).", "apiToken");
    }
}
