using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Storage.Sqlite.Tests.Migration;

/// <summary>A stand-in for the Shopify connector: its id (so the seed's Shopify labels apply), a shop URL and an access token.</summary>
internal sealed class ClassicShopConnector : IConnector
{
    public const string ShopUrl = "shopUrl";
    public const string AccessToken = "accessToken";

    public ConnectorDescriptor Descriptor { get; } = new(
        ConnectorId.Shopify,
        "Shopify",
        ChannelKind.Shop,
        [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus],
        new SettingsSchema([new SettingsGroup("connection", "Connection",
        [
            new SettingField(ShopUrl, "Shop URL") { IsMandatory = true, AffectsConnection = true },
            new SettingField(AccessToken, "Access token") { IsMandatory = true, IsSecret = true },
        ])]));

    public IReadOnlyList<IFeature> Features { get; } = [];

    public ValueTask<ConnectionCheckResult> CheckConnectionAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionCheckResult.Success());
}
