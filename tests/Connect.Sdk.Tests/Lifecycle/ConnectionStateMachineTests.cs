using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;

namespace Connect.Sdk.Tests.Lifecycle;

public sealed class ConnectionStateMachineTests
{
    private const string NotSet = ConnectionStateMachine.NotSet;

    public static TheoryData<TransitionCase> TransitionCases { get; } =
    [
        new("check passes on a new connection", New, s => RecordCheck(s, passed: true), [(LifecycleChange.CheckPassed, null, "NotChecked", "Passed")]),
        new("check passes after a failed one", () => New() with { Check = FailedCheck }, s => RecordCheck(s, passed: true), [(LifecycleChange.CheckPassed, null, "Failed", "Passed")]),
        new("check passes again", Checked, s => RecordCheck(s, passed: true), [(LifecycleChange.CheckPassed, null, "Passed", "Passed")]),
        new("check fails on a new connection", New, s => RecordCheck(s, passed: false), [(LifecycleChange.CheckFailed, null, "NotChecked", "Failed")]),
        new("check fails after a passed one", Checked, s => RecordCheck(s, passed: false), [(LifecycleChange.CheckFailed, null, "Passed", "Failed")]),
        new("check fails while productive", Productive, s => RecordCheck(s, passed: false), [(LifecycleChange.CheckFailed, null, "Passed", "Failed")]),

        new("plain setting set", Checked, s => ChangeSettings(s, u => u.Set(StockBuffer, "5")), [(LifecycleChange.SettingsChanged, FeatureKind.Stock, NotSet, "5")]),
        new("plain setting changed", Checked, s => ChangeSettings(s, u => u.Set(Warehouse, "north")), [(LifecycleChange.SettingsChanged, FeatureKind.Stock, "main", "north")]),
        new("plain setting cleared", () => Checked() with { Settings = Filled.With(StockBuffer, "5") }, s => ChangeSettings(s, u => u.Set(StockBuffer, "")), [(LifecycleChange.SettingsChanged, FeatureKind.Stock, "5", NotSet)]),
        new("secret set", New, s => ChangeSettings(s, u => u.SetSecret(AccessToken, new SecretValue("tok-1"))), [(LifecycleChange.SettingsChanged, null, NotSet, "set")]),
        new("secret replaced resets a passed check", Checked, s => ChangeSettings(s, u => u.SetSecret(AccessToken, new SecretValue("tok-2"))),
            [(LifecycleChange.SettingsChanged, null, "set", "replaced"), (LifecycleChange.CheckReset, null, "Passed", "NotChecked")]),
        new("secret cleared resets a passed check", Checked, s => ChangeSettings(s, u => u.ClearSecret(AccessToken)),
            [(LifecycleChange.SettingsChanged, null, "set", NotSet), (LifecycleChange.CheckReset, null, "Passed", "NotChecked")]),
        new("endpoint changed resets a failed check", () => Checked() with { Check = FailedCheck }, s => ChangeSettings(s, u => u.Set(ShopUrl, "other.myshopify.com")),
            [(LifecycleChange.SettingsChanged, null, "example.myshopify.com", "other.myshopify.com"), (LifecycleChange.CheckReset, null, "Failed", "NotChecked")]),
        new("two fields change, one transition each", Checked, s => ChangeSettings(s, u => u.Set(Warehouse, "north").Set(StockBuffer, "2")),
            [(LifecycleChange.SettingsChanged, FeatureKind.Stock, NotSet, "2"), (LifecycleChange.SettingsChanged, FeatureKind.Stock, "main", "north")]),
        new("non-credential setting changed while productive", Productive, s => ChangeSettings(s, u => u.Set(StockBuffer, "3")), [(LifecycleChange.SettingsChanged, FeatureKind.Stock, NotSet, "3")]),

        new("feature Off to Test", Checked, s => SetMode(s, FeatureKind.Stock, FeatureMode.Test), [(LifecycleChange.FeatureModeChanged, FeatureKind.Stock, "Off", "Test")]),
        new("feature Off to Integration", Checked, s => SetMode(s, FeatureKind.Stock, FeatureMode.Integration), [(LifecycleChange.FeatureModeChanged, FeatureKind.Stock, "Off", "Integration")]),
        new("feature Test to Integration", () => With((FeatureKind.Orders, FeatureMode.Test)), s => SetMode(s, FeatureKind.Orders, FeatureMode.Integration), [(LifecycleChange.FeatureModeChanged, FeatureKind.Orders, "Test", "Integration")]),
        new("feature Test to Off", () => With((FeatureKind.Orders, FeatureMode.Test)), s => SetMode(s, FeatureKind.Orders, FeatureMode.Off), [(LifecycleChange.FeatureModeChanged, FeatureKind.Orders, "Test", "Off")]),
        new("feature Integration to Test", () => With((FeatureKind.Stock, FeatureMode.Integration)), s => SetMode(s, FeatureKind.Stock, FeatureMode.Test), [(LifecycleChange.FeatureModeChanged, FeatureKind.Stock, "Integration", "Test")]),
        new("feature Integration to Off", () => With((FeatureKind.Stock, FeatureMode.Integration)), s => SetMode(s, FeatureKind.Stock, FeatureMode.Off), [(LifecycleChange.FeatureModeChanged, FeatureKind.Stock, "Integration", "Off")]),
        new("feature without own settings to Integration", Checked, s => SetMode(s, FeatureKind.OrderStatus, FeatureMode.Integration), [(LifecycleChange.FeatureModeChanged, FeatureKind.OrderStatus, "Off", "Integration")]),
        new("productive: a feature leaves integration while another stays", () => With((FeatureKind.Stock, FeatureMode.Integration), (FeatureKind.Orders, FeatureMode.Integration)) with { IsProductive = true },
            s => SetMode(s, FeatureKind.Stock, FeatureMode.Test), [(LifecycleChange.FeatureModeChanged, FeatureKind.Stock, "Integration", "Test")]),

        new("productive on", () => With((FeatureKind.Stock, FeatureMode.Integration)), s => SwitchProductive(s, on: true), [(LifecycleChange.ProductiveOn, null, "Off", "On")]),
        new("productive off", Productive, s => SwitchProductive(s, on: false), [(LifecycleChange.ProductiveOff, null, "On", "Off")]),
        new("productive off after a failed re-check", () => Productive() with { Check = FailedCheck }, s => SwitchProductive(s, on: false), [(LifecycleChange.ProductiveOff, null, "On", "Off")]),

        new("import Demo to Manual", New, s => SetImport(s, ImportMode.Manual), [(LifecycleChange.ImportModeChanged, null, "Demo", "Manual")]),
        new("import Demo to Automatic", New, s => SetImport(s, ImportMode.Automatic), [(LifecycleChange.ImportModeChanged, null, "Demo", "Automatic")]),
        new("import Manual to Automatic", () => New() with { ImportMode = ImportMode.Manual }, s => SetImport(s, ImportMode.Automatic), [(LifecycleChange.ImportModeChanged, null, "Manual", "Automatic")]),
        new("import Manual to Demo", () => New() with { ImportMode = ImportMode.Manual }, s => SetImport(s, ImportMode.Demo), [(LifecycleChange.ImportModeChanged, null, "Manual", "Demo")]),
        new("import Automatic to Demo while productive", () => Productive() with { ImportMode = ImportMode.Automatic }, s => SetImport(s, ImportMode.Demo), [(LifecycleChange.ImportModeChanged, null, "Automatic", "Demo")]),
        new("import Automatic to Manual", () => New() with { ImportMode = ImportMode.Automatic }, s => SetImport(s, ImportMode.Manual), [(LifecycleChange.ImportModeChanged, null, "Automatic", "Manual")]),
    ];

    public static TheoryData<RefusalCase> RefusalCases { get; } =
    [
        new("productive on without a check", () => With((FeatureKind.Stock, FeatureMode.Integration)) with { Check = ConnectionCheck.NotChecked }, s => SwitchProductive(s, on: true), [RefusalCode.CheckNotPassed]),
        new("productive on after a failed check", () => With((FeatureKind.Stock, FeatureMode.Integration)) with { Check = FailedCheck }, s => SwitchProductive(s, on: true), [RefusalCode.CheckNotPassed]),
        new("productive on with features only in Test", () => With((FeatureKind.Stock, FeatureMode.Test), (FeatureKind.Orders, FeatureMode.Test)), s => SwitchProductive(s, on: true), [RefusalCode.NoFeatureInIntegration]),
        new("productive on with every feature off", Checked, s => SwitchProductive(s, on: true), [RefusalCode.NoFeatureInIntegration]),
        new("productive on for a new connection lists both reasons", New, s => SwitchProductive(s, on: true), [RefusalCode.CheckNotPassed, RefusalCode.NoFeatureInIntegration]),

        new("integration with nothing filled", New, s => SetMode(s, FeatureKind.Stock, FeatureMode.Integration), [RefusalCode.MissingMandatorySettings]),
        new("Test to integration with the feature's own field empty", () => With((FeatureKind.Orders, FeatureMode.Test)) with { Settings = Filled.With(OrderPrefix, null) },
            s => SetMode(s, FeatureKind.Orders, FeatureMode.Integration), [RefusalCode.MissingMandatorySettings]),
        new("integration with the secret not set", () => Checked() with { Settings = Filled.WithSecret(AccessToken, false) },
            s => SetMode(s, FeatureKind.OrderStatus, FeatureMode.Integration), [RefusalCode.MissingMandatorySettings]),
        new("clearing a field a feature in integration needs", () => With((FeatureKind.Stock, FeatureMode.Integration)), s => ChangeSettings(s, u => u.Set(Warehouse, null)), [RefusalCode.MissingMandatorySettings]),

        new("feature the connector lacks, to Test", Checked, s => SetMode(s, FeatureKind.Prices, FeatureMode.Test), [RefusalCode.FeatureNotSupported]),
        new("feature the connector lacks, to Integration", Checked, s => SetMode(s, FeatureKind.Prices, FeatureMode.Integration), [RefusalCode.FeatureNotSupported]),

        new("endpoint change while productive", Productive, s => ChangeSettings(s, u => u.Set(ShopUrl, "other.myshopify.com")), [RefusalCode.ProductiveModeActive]),
        new("optional endpoint setting while productive", Productive, s => ChangeSettings(s, u => u.Set(ApiVersion, "2025-01")), [RefusalCode.ProductiveModeActive]),
        new("new secret while productive", Productive, s => ChangeSettings(s, u => u.SetSecret(AccessToken, new SecretValue("tok-2"))), [RefusalCode.ProductiveModeActive]),
        new("clearing the secret while productive lists both reasons", Productive, s => ChangeSettings(s, u => u.ClearSecret(AccessToken)),
            [RefusalCode.ProductiveModeActive, RefusalCode.MissingMandatorySettings]),

        new("last feature Integration to Test while productive", Productive, s => SetMode(s, FeatureKind.Stock, FeatureMode.Test), [RefusalCode.LastFeatureInIntegration]),
        new("last feature Integration to Off while productive", Productive, s => SetMode(s, FeatureKind.Stock, FeatureMode.Off), [RefusalCode.LastFeatureInIntegration]),

        new("unknown setting", Checked, s => ChangeSettings(s, u => u.Set("shopURL", "x")), [RefusalCode.UnknownSetting]),
        new("unknown secret", Checked, s => ChangeSettings(s, u => u.SetSecret("password", new SecretValue("p"))), [RefusalCode.UnknownSetting]),
        new("two unknown settings, two reasons, valid ones not applied", Checked, s => ChangeSettings(s, u => u.Set("a", "1").Set("b", "2").Set(StockBuffer, "5")),
            [RefusalCode.UnknownSetting, RefusalCode.UnknownSetting]),

        new("secret given as a plain value", Checked, s => ChangeSettings(s, u => u.Set(AccessToken, "tok-plain")), [RefusalCode.SecretMismatch]),
        new("plain field given as a secret", Checked, s => ChangeSettings(s, u => u.SetSecret(ShopUrl, new SecretValue("x"))), [RefusalCode.SecretMismatch]),
        new("address with a password in a plain setting", Checked, s => ChangeSettings(s, u => u.Set(ShopUrl, "https://anna:pw@example.myshopify.com")), [RefusalCode.InvalidSetting]),

        new("check result for credentials changed since", () => Checked() with { CredentialsRevision = 3 },
            s => ConnectionStateMachine.RecordCheck(s, ConnectionCheckResult.Success(), checkedCredentialsRevision: 2, T1, Alice), [RefusalCode.SettingsChangedDuringCheck]),
    ];

    [Theory]
    [MemberData(nameof(TransitionCases))]
    public void Apply_AllowedCommand_RecordsExpectedTransitions(TransitionCase c)
    {
        var given = c.Given();

        var result = c.When(given);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(result.Reasons);
        Assert.Equal(c.Expected, result.Transitions.Select(t => (t.Change, t.Feature, t.From, t.To)).ToArray());
        Assert.All(result.Transitions, t =>
        {
            Assert.Equal(Id, t.ConnectionId);
            Assert.Equal(T1, t.At);
            Assert.Equal(Alice, t.Actor);
        });
        Assert.Equal(given.Version, result.Connection.Version);
    }

    [Theory]
    [MemberData(nameof(RefusalCases))]
    public void Apply_RefusedCommand_ReturnsEveryReasonAndKeepsState(RefusalCase c)
    {
        var given = c.Given();

        var result = c.When(given);

        Assert.False(result.Succeeded);
        Assert.Equal(c.Expected.Order(), result.Reasons.Select(r => r.Code).Order());
        Assert.Same(given, result.Connection);
        Assert.Empty(result.Transitions);
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Fact]
    public void TransitionCases_CoverEveryLifecycleChange()
    {
        var covered = ((IEnumerable<object[]>)TransitionCases).SelectMany(row => ((TransitionCase)row[0]).Expected.Select(e => e.Change)).Append(LifecycleChange.Created).ToHashSet();

        Assert.Empty(Enum.GetValues<LifecycleChange>().Except(covered));
    }

    [Fact]
    public void Create_NewConnection_StartsNotProductiveUncheckedDemoWithOnlyTrackingFeedbackOn()
    {
        var result = ConnectionStateMachine.Create(Id, Descriptor, "  Shop DE ", T0, Alice);

        Assert.True(result.Succeeded);
        var c = result.Connection;
        Assert.Equal(Id, c.Id);
        Assert.Equal(FakeShopId, c.ConnectorId);
        Assert.Equal("Shop DE", c.Name);
        Assert.False(c.IsProductive);
        Assert.Equal(ConnectionCheck.NotChecked, c.Check);
        Assert.Equal(FeatureMode.Test, c.ModeOf(FeatureKind.OrderStatus));
        Assert.All(Enum.GetValues<FeatureKind>().Where(f => f != FeatureKind.OrderStatus), f => Assert.Equal(FeatureMode.Off, c.ModeOf(f)));
        Assert.Equal(ImportMode.Demo, c.ImportMode);
        Assert.Equal(T0, c.CreatedAt);
        Assert.Equal(0, c.Version);
        var created = Assert.Single(result.Transitions);
        Assert.Equal((LifecycleChange.Created, T0, Alice, Id), (created.Change, created.At, created.Actor, created.ConnectionId));
    }

    [Fact]
    public void Create_ConnectorWithoutOrderStatus_StartsWithEveryFeatureOff()
    {
        var stockOnly = new ConnectorDescriptor(FakeShopId, "Fake Shop", ChannelKind.Shop, [FeatureKind.Stock], Schema);

        var c = ConnectionStateMachine.Create(Id, stockOnly, "Shop DE", T0, Alice).Connection!;

        Assert.Empty(c.FeatureModes);
    }

    [Fact]
    public void Create_FieldWithDefault_StartsWithTheDefaultValue()
    {
        var c = ConnectionStateMachine.Create(Id, Descriptor, "Shop DE", T0, Alice).Connection!;

        Assert.Equal("2024-01", c.Settings.Get(ApiVersion));
        Assert.Null(c.Settings.Get(ShopUrl));
    }

    [Fact]
    public void RecordCheck_FailedWhileProductive_StaysProductiveAndSaysSo()
    {
        var result = RecordCheck(Productive(), passed: false);

        Assert.True(result.Connection!.IsProductive);
        Assert.Equal(CheckStatus.Failed, result.Connection.Check.Status);
        Assert.Equal(T1, result.Connection.Check.At);
        Assert.Contains("Productive mode stays on", Assert.Single(result.Transitions).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordCheck_Passed_StoresWhenAndWhat()
    {
        var result = ConnectionStateMachine.RecordCheck(New(), ConnectionCheckResult.Success("Connected to example"), 0, T1, Alice);

        Assert.Equal(new ConnectionCheck(CheckStatus.Passed, T1, "Connected to example"), result.Connection!.Check);
    }

    [Fact]
    public void ChangeSettings_Credential_ResetsCheckAndCountsRevision()
    {
        var result = ChangeSettings(Checked(), u => u.Set(ShopUrl, "other.myshopify.com"));

        Assert.Equal(ConnectionCheck.NotChecked, result.Connection!.Check);
        Assert.Equal(1, result.Connection.CredentialsRevision);
        Assert.Equal("other.myshopify.com", result.Connection.Settings.Get(ShopUrl));
    }

    [Fact]
    public void ChangeSettings_CredentialWhileNotChecked_CountsRevisionWithoutReset()
    {
        var result = ChangeSettings(New(), u => u.SetSecret(AccessToken, new SecretValue("tok")));

        Assert.Equal(1, result.Connection!.CredentialsRevision);
        Assert.DoesNotContain(result.Transitions, t => t.Change == LifecycleChange.CheckReset);
        Assert.Contains(AccessToken, result.Connection.Settings.SecretsSet);
    }

    [Fact]
    public void ChangeSettings_NonCredential_KeepsPassedCheckAndRevision()
    {
        var result = ChangeSettings(Checked(), u => u.Set(StockBuffer, "4"));

        Assert.Equal(PassedCheck, result.Connection!.Check);
        Assert.Equal(0, result.Connection.CredentialsRevision);
    }

    [Fact]
    public void ChangeSettings_SecretValue_NeverAppearsInTransitionsOrState()
    {
        const string token = "shpat_SUPER-SECRET-123";

        var result = ChangeSettings(New(), u => u.SetSecret(AccessToken, new SecretValue(token)).Set(ShopUrl, "example.myshopify.com"));

        var everything = string.Join("|", result.Transitions.Select(t => $"{t.From}|{t.To}|{t.Detail}|{t}")) + result + result.Connection;
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.Contains(AccessToken, result.Transitions.Select(t => t.Detail));
    }

    [Fact]
    public void ChangeSettings_SecretGivenAsPlainValue_IsRefusedWithoutEchoingIt()
    {
        var result = ChangeSettings(Checked(), u => u.Set(AccessToken, "tok-plain-VALUE"));

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(AccessToken, reason.SettingKey);
        Assert.DoesNotContain("tok-plain-VALUE", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeSettings_UnknownKey_NamesTheKey()
    {
        var result = ChangeSettings(Checked(), u => u.Set("shopURL", "x"));

        var reason = Assert.Single(result.Reasons);
        Assert.Equal("shopURL", reason.SettingKey);
        Assert.Contains("'shopURL'", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeSettings_CredentialWhileProductive_SaysSwitchProductiveOff()
    {
        var result = ChangeSettings(Productive(), u => u.Set(ShopUrl, "other"));

        var reason = Assert.Single(result.Reasons);
        Assert.StartsWith("Switch productive mode off before changing credentials", reason.Message, StringComparison.Ordinal);
        Assert.Contains(ShopUrl, reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeSettings_ClearingNeededField_ListsItPerGroup()
    {
        var result = ChangeSettings(With((FeatureKind.Stock, FeatureMode.Integration)), u => u.Set(Warehouse, null).Set(StockBuffer, "1"));

        var reason = Assert.Single(result.Reasons);
        var missing = Assert.Single(reason.MissingSettings);
        Assert.Same(StockGroup, missing.Group);
        Assert.Equal([Warehouse], missing.Fields.Select(f => f.Key));
    }

    [Fact]
    public void ChangeSettings_FieldAlreadyMissingFromBefore_DoesNotBlockOtherEdits()
    {
        // A connector upgrade can add a mandatory field to a feature that is already in integration mode.
        var given = With((FeatureKind.Stock, FeatureMode.Integration)) with { Settings = Filled.With(Warehouse, null) };

        var result = ChangeSettings(given, u => u.Set(StockBuffer, "1"));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void SetFeatureMode_MissingSettings_ListsThemPerGroup()
    {
        var given = New() with { Settings = new ConnectionSettings([new(ShopUrl, "example.myshopify.com")], []) };

        var result = SetMode(given, FeatureKind.Stock, FeatureMode.Integration);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(FeatureKind.Stock, reason.Feature);
        Assert.Equal(
            [("connection", new[] { AccessToken }), ("stock", new[] { Warehouse })],
            reason.MissingSettings.Select(m => (m.Group.Key, m.Fields.Select(f => f.Key).ToArray())).ToArray());
        Assert.Contains("Connection: Access token", reason.Message, StringComparison.Ordinal);
        Assert.Contains("Stock: Warehouse", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetFeatureMode_ToTestWithSettingsMissing_IsAllowed()
    {
        var result = SetMode(New(), FeatureKind.Stock, FeatureMode.Test);

        Assert.True(result.Succeeded);
        Assert.Equal(FeatureMode.Test, result.Connection.ModeOf(FeatureKind.Stock));
    }

    [Fact]
    public void SetFeatureMode_ConnectorOfAnotherConnection_Throws()
    {
        var other = new ConnectorDescriptor(new ConnectorId("other"), "Other", ChannelKind.Shop, [FeatureKind.Stock], SettingsSchema.Empty);

        Assert.Throws<ArgumentException>(() => ConnectionStateMachine.SetFeatureMode(New(), other, FeatureKind.Stock, FeatureMode.Test, T1, Alice));
    }

    [Fact]
    public void SetProductiveMode_FailedCheck_QuotesWhatFailed()
    {
        var result = SwitchProductive(With((FeatureKind.Stock, FeatureMode.Integration)) with { Check = FailedCheck }, on: true);

        Assert.Contains("401 Unauthorized", Assert.Single(result.Reasons).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetProductiveMode_On_KeepsEverythingElse()
    {
        var given = With((FeatureKind.Stock, FeatureMode.Integration), (FeatureKind.Orders, FeatureMode.Test));

        var result = SwitchProductive(given, on: true);

        var c = result.Connection!;
        Assert.True(c.IsProductive);
        Assert.Equal([FeatureKind.Stock], c.FeaturesInIntegration);
        Assert.Equal(FeatureMode.Test, c.ModeOf(FeatureKind.Orders));
        Assert.Same(given.Settings, c.Settings);
        Assert.Same(given.Check, c.Check);
        Assert.Equal((given.ImportMode, given.CredentialsRevision, given.Version), (c.ImportMode, c.CredentialsRevision, c.Version));
    }

    [Fact]
    public void Equals_SameContentBuiltSeparately_IsEqual()
    {
        var a = With((FeatureKind.Stock, FeatureMode.Integration), (FeatureKind.Orders, FeatureMode.Test));
        var b = New() with
        {
            Settings = new ConnectionSettings([new(OrderPrefix, "SHOP-"), new(Warehouse, "main"), new(ShopUrl, "example.myshopify.com")], [AccessToken]),
            Check = new ConnectionCheck(CheckStatus.Passed, T0, "ok"),
            FeatureModes = new Dictionary<FeatureKind, FeatureMode> { [FeatureKind.Orders] = FeatureMode.Test, [FeatureKind.Stock] = FeatureMode.Integration, [FeatureKind.Prices] = FeatureMode.Off },
        };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Settings = b.Settings.With(Warehouse, "north") });
        Assert.NotEqual(a, b with { Settings = b.Settings.WithSecret(AccessToken, false) });
        Assert.NotEqual(a, b.WithFeatureMode(FeatureKind.Orders, FeatureMode.Integration));
        Assert.NotEqual(a, b with { CredentialsRevision = 1 });
    }

    public static TheoryData<string, Func<Connection>, Func<Connection, LifecycleResult>> NoOpCases { get; } = new()
    {
        { "productive on when on", Productive, s => SwitchProductive(s, on: true) },
        { "productive off when off", New, s => SwitchProductive(s, on: false) },
        { "same feature mode", () => With((FeatureKind.Stock, FeatureMode.Test)), s => SetMode(s, FeatureKind.Stock, FeatureMode.Test) },
        { "Off for a feature that is off", New, s => SetMode(s, FeatureKind.Orders, FeatureMode.Off) },
        { "same import mode", New, s => SetImport(s, ImportMode.Demo) },
        { "same plain value", Checked, s => ChangeSettings(s, u => u.Set(Warehouse, "main")) },
        { "clearing an empty plain value", Checked, s => ChangeSettings(s, u => u.Set(StockBuffer, "  ")) },
        { "clearing a secret that is not set", New, s => ChangeSettings(s, u => u.ClearSecret(AccessToken)) },
        { "empty update", Checked, s => ChangeSettings(s, _ => SettingsUpdate.Empty) },
        { "same credential value while productive", Productive, s => ChangeSettings(s, u => u.Set(ShopUrl, "example.myshopify.com")) },
    };

    [Theory]
    [MemberData(nameof(NoOpCases))]
    public void Apply_NothingToChange_SucceedsWithoutTransitions(string name, Func<Connection> given, Func<Connection, LifecycleResult> when)
    {
        var state = given();

        var result = when(state);

        Assert.True(result.Succeeded, name);
        Assert.Empty(result.Transitions);
        Assert.Same(state, result.Connection);
    }

    internal static LifecycleResult RecordCheck(Connection s, bool passed) =>
        ConnectionStateMachine.RecordCheck(s, passed ? ConnectionCheckResult.Success() : ConnectionCheckResult.Failure("401 Unauthorized"), s.CredentialsRevision, T1, Alice);

    internal static LifecycleResult ChangeSettings(Connection s, Func<SettingsUpdate, SettingsUpdate> update) =>
        ConnectionStateMachine.ChangeSettings(s, Schema, update(SettingsUpdate.Empty), T1, Alice);

    internal static LifecycleResult SetMode(Connection s, FeatureKind feature, FeatureMode mode) =>
        ConnectionStateMachine.SetFeatureMode(s, Descriptor, feature, mode, T1, Alice);

    internal static LifecycleResult SwitchProductive(Connection s, bool on) => ConnectionStateMachine.SetProductiveMode(s, on, T1, Alice);

    internal static LifecycleResult SetImport(Connection s, ImportMode mode) => ConnectionStateMachine.SetImportMode(s, mode, T1, Alice);

    public sealed record TransitionCase(
        string Name,
        Func<Connection> Given,
        Func<Connection, LifecycleResult> When,
        (LifecycleChange Change, FeatureKind? Feature, string From, string To)[] Expected)
    {
        public override string ToString() => Name;
    }

    public sealed record RefusalCase(string Name, Func<Connection> Given, Func<Connection, LifecycleResult> When, RefusalCode[] Expected)
    {
        public override string ToString() => Name;
    }
}
