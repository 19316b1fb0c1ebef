using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

/// <summary>Settings are checked when they are saved: credentials in an address are refused, the connector's own check runs, and the history never keeps a password.</summary>
public sealed class SettingsValidationTests
{
    private const string Password = "s3cr3t-Pa55";

    [Theory]
    [InlineData("https://anna:" + Password + "@example.myshopify.com")]
    [InlineData("http://" + Password + "@localhost:8080/")]
    [InlineData("anna:" + Password + "@example.myshopify.com")]
    [InlineData("  HTTPS://anna:" + Password + "@example.myshopify.com/admin")]
    public async Task UpdateSettings_AddressWithCredentials_IsRefusedNamingTheSetting_AndTheValueIsNeitherStoredLoggedNorInTheHistory(string url)
    {
        var harness = new LifecycleHarness();
        await harness.CreateReadyAsync();

        var result = await harness.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.Set(ShopUrl, url), Alice, default);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal((RefusalCode.InvalidSetting, ShopUrl), (reason.Code, reason.SettingKey));
        Assert.Equal(
            "'Shop URL' (shopUrl) holds a user name or password in the address (before '@'): enter the address without them; credentials belong in the connector's secret settings.",
            reason.Message);
        Assert.Equal("example.myshopify.com", (await harness.Store.GetAsync(Id, default))!.Settings.Get(ShopUrl));
        Assert.DoesNotContain(await harness.HistoryAsync(), t => $"{t.From} {t.To} {t.Detail}".Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains(Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("orders@example.com")]
    [InlineData("https://example.myshopify.com/shop@2")]
    [InlineData("https://example.myshopify.com/?contact=a@b.example")]
    public void ChangeSettings_AtSignThatIsNoCredential_IsAccepted(string value)
    {
        var result = ConnectionStateMachine.ChangeSettings(Checked(), Schema, SettingsUpdate.Empty.Set(ShopUrl, value), T1, Alice);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(value, result.Connection!.Settings.Get(ShopUrl));
    }

    [Fact]
    public void ChangeSettings_StoredAddressWithCredentialsCorrected_HistoryShowsTheOldAddressWithoutThem()
    {
        var stored = Checked() with { Settings = Filled.With(ShopUrl, $"https://anna:{Password}@example.myshopify.com") };

        var result = ConnectionStateMachine.ChangeSettings(stored, Schema, SettingsUpdate.Empty.Set(ShopUrl, "https://example.myshopify.com"), T1, Alice);

        var changed = Assert.Single(result.Transitions, t => t.Change == LifecycleChange.SettingsChanged);
        Assert.Equal(("https://***@example.myshopify.com", "https://example.myshopify.com"), (changed.From, changed.To));
    }

    [Fact]
    public async Task GetHistory_LineKeptInMemoryWithCredentialsInAnAddress_ShowsNone()
    {
        var harness = new LifecycleHarness();
        var stored = new Connection { Id = Id, ConnectorId = FakeShopId, Name = "Fake", CreatedAt = T0 };
        await harness.Store.TryCreateAsync(
            stored, [new LifecycleTransition(Id, T0, Alice, LifecycleChange.SettingsChanged, null, $"https://anna:{Password}@example.myshopify.com", "(not set)", ShopUrl)], default);

        var line = Assert.Single(await harness.HistoryAsync());

        Assert.Equal("https://***@example.myshopify.com", line.From);
        Assert.DoesNotContain(Password, line.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_StoredAddressWithCredentials_ShowsNone()
    {
        var settings = Filled.With(ShopUrl, $"https://anna:{Password}@example.myshopify.com");

        Assert.DoesNotContain(Password, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, (Checked() with { Settings = settings }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunConnectionCheck_StoredAddressWithCredentials_FailsNamingTheSettingWithoutCallingTheConnector()
    {
        var harness = new LifecycleHarness();
        await harness.CreateReadyAsync();
        var current = (await harness.Store.GetAsync(Id, default))!;
        await harness.Store.TrySaveAsync(current with { Settings = current.Settings.With(ShopUrl, $"https://anna:{Password}@example.myshopify.com") }, [], default);
        var checksBefore = harness.Connector.CheckCalls;

        var result = await harness.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        var check = (await harness.Store.GetAsync(Id, default))!.Check;
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal(
            "'Shop URL' (shopUrl) holds a user name or password in the address (before '@'): enter the address without them; credentials belong in the connector's secret settings.",
            check.Message);
        Assert.Equal(checksBefore, harness.Connector.CheckCalls);
        Assert.DoesNotContain(await harness.HistoryAsync(), t => $"{t.From} {t.To} {t.Detail}".Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSettings_ConnectorFindsAChangedValueInvalid_IsRefusedWithItsMessage_AndNothingIsSaved()
    {
        var harness = new LifecycleHarness(connector: new FakeConnector().Validates(s =>
            s.Get(StockBuffer) is "NaN" ? [new SettingProblem(StockBuffer, "The stock buffer (stockBuffer) 'NaN' is not a whole number such as 5.")] : []));
        await harness.CreateReadyAsync();
        var before = await harness.HistoryAsync();

        var result = await harness.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.Set(StockBuffer, "NaN").Set(Warehouse, "north"), Alice, default);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal((RefusalCode.InvalidSetting, StockBuffer, "The stock buffer (stockBuffer) 'NaN' is not a whole number such as 5."), (reason.Code, reason.SettingKey, reason.Message));
        var saved = (await harness.Store.GetAsync(Id, default))!.Settings;
        Assert.Equal((null, "main"), (saved.Get(StockBuffer), saved.Get(Warehouse)));
        Assert.Equal(before.Count, (await harness.HistoryAsync()).Count);
    }

    [Fact]
    public void ChangeSettings_ConnectorFindsAnUnchangedValueInvalid_DoesNotRefuseTheChange()
    {
        var stored = Checked() with { Settings = Filled.With(StockBuffer, "NaN") };

        var result = ConnectionStateMachine.ChangeSettings(
            stored, Schema, SettingsUpdate.Empty.Set(Warehouse, "north"), T1, Alice, _ => [new SettingProblem(StockBuffer, "not a number")]);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void ChangeSettings_UnknownVeryLongKey_IsQuotedShortened()
    {
        var key = new string('k', 70_000);

        var result = ConnectionStateMachine.ChangeSettings(Checked(), Schema, SettingsUpdate.Empty.Set(key, "x"), T1, Alice);

        var reason = Assert.Single(result.Reasons);
        Assert.StartsWith($"There is no setting '{new string('k', QuotedValue.MaxShown)}…' (70000 characters). Known settings:", reason.Message, StringComparison.Ordinal);
        Assert.True(reason.Message.Length < 300, $"{reason.Message.Length} characters");
    }
}
