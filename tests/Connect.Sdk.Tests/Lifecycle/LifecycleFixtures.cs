using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using NodaTime;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>
/// A shop connector with connection-wide credentials and per-feature groups, and connection states built
/// directly (not through the state machine) so that tests of the state machine do not depend on it.
/// </summary>
internal static class LifecycleFixtures
{
    public const string ShopUrl = "shopUrl";
    public const string AccessToken = "accessToken";
    public const string ApiVersion = "apiVersion";
    public const string Warehouse = "warehouse";
    public const string StockBuffer = "stockBuffer";
    public const string OrderPrefix = "orderPrefix";
    public const string CarrierMapping = "carrierMapping";

    public static readonly ConnectionId Id = new("shop-de");
    public static readonly ConnectorId FakeShopId = new("fakeshop");
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 9, 0);
    public static readonly Instant T1 = Instant.FromUtc(2025, 3, 1, 9, 5);
    public static readonly Actor Alice = new("alice");

    public static readonly SettingsGroup ConnectionGroup = new("connection", "Connection",
    [
        new SettingField(ShopUrl, "Shop URL") { IsMandatory = true, AffectsConnection = true },
        new SettingField(AccessToken, "Access token") { IsMandatory = true, IsSecret = true },
        new SettingField(ApiVersion, "API version") { AffectsConnection = true, DefaultValue = "2024-01" },
    ]);

    public static readonly SettingsGroup StockGroup = new("stock", "Stock",
    [
        new SettingField(Warehouse, "Warehouse") { IsMandatory = true },
        new SettingField(StockBuffer, "Stock buffer"),
    ], FeatureKind.Stock);

    public static readonly SettingsGroup OrdersGroup = new("orders", "Orders",
    [
        new SettingField(OrderPrefix, "Order number prefix") { IsMandatory = true },
    ], FeatureKind.Orders);

    public static readonly SettingsGroup StatusGroup = new("status", "Status & tracking",
    [
        new SettingField(CarrierMapping, "Carrier mapping"),
    ], FeatureKind.OrderStatus);

    public static readonly SettingsSchema Schema = new([ConnectionGroup, StockGroup, OrdersGroup, StatusGroup]);

    /// <summary>Supports Stock, Orders and OrderStatus, not Prices.</summary>
    public static readonly ConnectorDescriptor Descriptor = new(
        FakeShopId, "Fake Shop", ChannelKind.Shop, [FeatureKind.Stock, FeatureKind.Orders, FeatureKind.OrderStatus], Schema);

    /// <summary>A new connection: nothing set, not checked, every feature off, Demo.</summary>
    public static Connection New() => new()
    {
        Id = Id,
        ConnectorId = FakeShopId,
        Name = "Shop DE",
        CreatedAt = T0,
        Version = 1,
    };

    /// <summary>Every mandatory setting filled.</summary>
    public static ConnectionSettings Filled { get; } = new(
        [new(ShopUrl, "example.myshopify.com"), new(Warehouse, "main"), new(OrderPrefix, "SHOP-")],
        [AccessToken]);

    public static ConnectionCheck PassedCheck { get; } = new(CheckStatus.Passed, T0, "ok");

    public static ConnectionCheck FailedCheck { get; } = new(CheckStatus.Failed, T0, "401 Unauthorized");

    /// <summary>Settings filled, check passed, not productive, no feature selected.</summary>
    public static Connection Checked() => New() with { Settings = Filled, Check = PassedCheck };

    /// <summary>Checked, with the given feature modes.</summary>
    public static Connection With(params (FeatureKind Feature, FeatureMode Mode)[] modes) =>
        Checked() with { FeatureModes = modes.ToDictionary(m => m.Feature, m => m.Mode) };

    /// <summary>Productive, check passed, Stock in integration.</summary>
    public static Connection Productive() => With((FeatureKind.Stock, FeatureMode.Integration)) with { IsProductive = true };
}
