using Connect.Sdk.Features;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Tests.Settings;

public sealed class SettingsSchemaTests
{
    private static readonly SettingsSchema Schema = new(
    [
        new SettingsGroup("connection", "Connection",
        [
            new SettingField("shopUrl", "Shop URL") { IsMandatory = true, AffectsConnection = true },
            new SettingField("accessToken", "Access token") { IsMandatory = true, IsSecret = true },
            new SettingField("note", "Note"),
        ]),
        new SettingsGroup("stock", "Stock", [new SettingField("locationId", "Location") { IsMandatory = true }], FeatureKind.Stock),
        new SettingsGroup("orders", "Orders", [new SettingField("paymentMapping", "Payment mapping") { IsMandatory = true }], FeatureKind.Orders),
    ]);

    [Fact]
    public void FindMissingMandatory_NothingSet_ListsConnectionGroupAndTheFeaturesOwnGroupOnly()
    {
        var missing = Schema.FindMissingMandatory(FeatureKind.Stock, ConnectionSettings.Empty);

        Assert.Equal(["Connection: Shop URL, Access token", "Stock: Location"], missing.Select(m => m.ToString()));
    }

    [Fact]
    public void FindMissingMandatory_SecretStored_CountsAsFilled()
    {
        var settings = ConnectionSettings.Empty.With("shopUrl", "x.myshopify.com").WithSecret("accessToken", true).With("paymentMapping", "default");

        Assert.Empty(Schema.FindMissingMandatory(FeatureKind.Orders, settings));
    }

    [Fact]
    public void FindMissingMandatory_WhitespaceValue_CountsAsEmpty()
    {
        var settings = ConnectionSettings.Empty.With("shopUrl", "   ").WithSecret("accessToken", true);

        var missing = Assert.Single(Schema.FindMissingMandatory(FeatureKind.OrderStatus, settings));

        Assert.Equal("shopUrl", Assert.Single(missing.Fields).Key);
    }

    [Fact]
    public void Constructor_FieldKeyInTwoGroups_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SettingsSchema(
        [
            new SettingsGroup("a", "A", [new SettingField("key", "Key")]),
            new SettingsGroup("b", "B", [new SettingField("key", "Key")]),
        ]));

        Assert.Contains("'key'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void InvalidatesCheck_SecretsAndConnectionFields_Invalidate(bool isSecret, bool affectsConnection, bool expected)
    {
        Assert.Equal(expected, new SettingField("k", "K") { IsSecret = isSecret, AffectsConnection = affectsConnection }.InvalidatesCheck);
    }

    [Fact]
    public void ConnectionSettings_WithEmptyValue_RemovesTheValue()
    {
        var settings = ConnectionSettings.Empty.With("shopUrl", "x").With("shopUrl", "");

        Assert.Null(settings.Get("shopUrl"));
    }
}
