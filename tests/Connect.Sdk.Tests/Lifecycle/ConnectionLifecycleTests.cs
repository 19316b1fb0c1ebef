using Connect.Sdk.Connectors;
using Connect.Sdk.Diagnostics;
using Connect.Sdk.Features;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using NodaTime;
using static Connect.Sdk.Tests.Lifecycle.LifecycleFixtures;
using static Connect.Sdk.Tests.Lifecycle.LifecycleHarness;

namespace Connect.Sdk.Tests.Lifecycle;

public sealed class ConnectionLifecycleTests
{
    public static TheoryData<ServiceRefusalCase> ServiceRefusalCases { get; } =
    [
        new("create with an id in use", async h =>
        {
            await h.Lifecycle.CreateAsync(Id, FakeShopId, "first", Alice, default);
            return await h.Lifecycle.CreateAsync(Id, FakeShopId, "second", Alice, default);
        }, RefusalCode.ConnectionExists),
        new("create for an unregistered connector", h => h.Lifecycle.CreateAsync(Id, new ConnectorId("nope"), "x", Alice, default), RefusalCode.ConnectorNotRegistered),
        new("change a connection whose connector is gone", async h =>
        {
            await h.Store.TryCreateAsync(New() with { ConnectorId = new ConnectorId("gone"), Version = 0 }, [], default);
            return await h.Lifecycle.SetImportModeAsync(Id, ImportMode.Manual, Alice, default);
        }, RefusalCode.ConnectorNotRegistered),
        new("check an unknown connection", h => h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default), RefusalCode.ConnectionNotFound),
        new("settings of an unknown connection", h => h.Lifecycle.UpdateSettingsAsync(Id, FillAll, Alice, default), RefusalCode.ConnectionNotFound),
        new("feature mode of an unknown connection", h => h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Test, Alice, default), RefusalCode.ConnectionNotFound),
        new("productive on an unknown connection", h => h.Lifecycle.SetProductiveModeAsync(Id, true, Alice, default), RefusalCode.ConnectionNotFound),
        new("import mode of an unknown connection", h => h.Lifecycle.SetImportModeAsync(Id, ImportMode.Manual, Alice, default), RefusalCode.ConnectionNotFound),
        new("a connection other writers keep changing", async h =>
        {
            await h.Lifecycle.CreateAsync(Id, FakeShopId, "x", Alice, default);
            ((ScriptedConnectionStore)h.Store).AlwaysConflict = true;
            return await h.Lifecycle.SetImportModeAsync(Id, ImportMode.Manual, Alice, default);
        }, RefusalCode.ConcurrentChange),
    ];

    [Theory]
    [MemberData(nameof(ServiceRefusalCases))]
    public async Task Command_ServiceLevelProblem_IsRefusedWithReason(ServiceRefusalCase c)
    {
        var h = new LifecycleHarness(new ScriptedConnectionStore());

        var result = await c.Act(h);

        Assert.False(result.Succeeded);
        Assert.Equal(c.Expected, Assert.Single(result.Reasons).Code);
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 1001 && r.Message.Contains(c.Expected.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void RefusalCases_CoverEveryRefusalCode()
    {
        var covered = ((IEnumerable<object[]>)ConnectionStateMachineTests.RefusalCases).SelectMany(row => ((ConnectionStateMachineTests.RefusalCase)row[0]).Expected)
            .Concat(((IEnumerable<object[]>)ServiceRefusalCases).Select(row => ((ServiceRefusalCase)row[0]).Expected))
            .ToHashSet();

        Assert.Empty(Enum.GetValues<RefusalCode>().Except(covered));
    }

    [Fact]
    public async Task CreateAsync_NewConnection_IsStoredWithCreatedTransition()
    {
        var h = new LifecycleHarness();

        var result = await h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Connection.Version);
        var stored = await h.Store.GetAsync(Id, default);
        Assert.Equal((false, CheckStatus.NotChecked, ImportMode.Demo), (stored!.IsProductive, stored.Check.Status, stored.ImportMode));
        var created = Assert.Single(await h.HistoryAsync());
        Assert.Equal((LifecycleChange.Created, T0, Alice), (created.Change, created.At, created.Actor));
    }

    [Fact]
    public async Task WholeLifecycle_EachStep_RecordedWithActorAndInstant()
    {
        var h = new LifecycleHarness();
        var bob = new Actor("bob");

        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));
        h.Tick();
        await Ok(h.Lifecycle.UpdateSettingsAsync(Id, FillAll, Alice, default));
        h.Tick();
        await Ok(h.Lifecycle.RunConnectionCheckAsync(Id, bob, default));
        h.Tick();
        await Ok(h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Integration, Alice, default));
        h.Tick();
        var productive = await Ok(h.Lifecycle.SetProductiveModeAsync(Id, true, bob, default));
        h.Tick();
        await Ok(h.Lifecycle.SetImportModeAsync(Id, ImportMode.Automatic, Alice, default));

        Assert.True(productive.IsProductive);
        var history = (await h.HistoryAsync()).Select(t => (t.Change, Minute: (t.At - T0).Minutes, t.Actor.Name)).ToArray();
        Assert.Equal(
            [
                (LifecycleChange.Created, 0, "alice"),
                (LifecycleChange.SettingsChanged, 1, "alice"),
                (LifecycleChange.SettingsChanged, 1, "alice"),
                (LifecycleChange.SettingsChanged, 1, "alice"),
                (LifecycleChange.SettingsChanged, 1, "alice"),
                (LifecycleChange.CheckPassed, 2, "bob"),
                (LifecycleChange.FeatureModeChanged, 3, "alice"),
                (LifecycleChange.ProductiveOn, 4, "bob"),
                (LifecycleChange.ImportModeChanged, 5, "alice"),
            ],
            history);
        // One save per command, however many transitions it recorded.
        Assert.Equal(6, (await h.Store.GetAsync(Id, default))!.Version);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_ConnectorPasses_RecordsPassedWithClockTime()
    {
        var h = new LifecycleHarness();
        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));
        await Ok(h.Lifecycle.UpdateSettingsAsync(Id, FillAll, Alice, default));
        string? tokenSeenByConnector = null;
        h.Connector.Does(async (context, ct) =>
        {
            tokenSeenByConnector = (await context.GetSecretAsync(AccessToken, ct)).Reveal();
            return ConnectionCheckResult.Success($"Connected to {context.Settings.Get(ShopUrl)}");
        });
        h.Clock.AdvanceMinutes(7);

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.Equal(new ConnectionCheck(CheckStatus.Passed, T0 + Duration.FromMinutes(7), "Connected to example.myshopify.com"), result.Connection!.Check);
        Assert.Equal(Token, tokenSeenByConnector);
        Assert.Equal(LifecycleChange.CheckPassed, (await h.HistoryAsync())[^1].Change);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_ConnectorFails_RecordsFailedWithMessage()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Connector.Fails("The access token was rejected (401).", AccessToken);

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.True(result.Succeeded);
        Assert.Equal((CheckStatus.Failed, "The access token was rejected (401)."), (result.Connection.Check.Status, result.Connection.Check.Message));
    }

    [Fact]
    public async Task RunConnectionCheckAsync_ConnectorThrows_IsAFailedCheckWithoutTheExceptionMessage()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Connector.Throws(new HttpRequestException($"GET https://example.myshopify.com/admin?token=SECRET-in-url failed"));

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.Equal(CheckStatus.Failed, result.Connection!.Check.Status);
        Assert.Equal(
            "The call to the marketplace failed; its details are not shown because they may contain credentials; the host's log names the error (event 1003).",
            result.Connection.Check.Message);
        Assert.DoesNotContain("SECRET-in-url", result.Connection.Check.Message, StringComparison.Ordinal);
        var warning = Assert.Single(h.Logs.GetSnapshot(), r => r.Id.Id == 1003);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain("SECRET-in-url", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_ConnectorThrowsSdkException_KeepsItsMessage()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Connector.Throws(new ConnectSdkException("The shop example.myshopify.com does not exist (404)."));

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.Equal("The shop example.myshopify.com does not exist (404).", result.Connection!.Check.Message);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_MessageQuotesTheSecret_SecretIsMasked()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Connector.Does(async (context, ct) =>
            ConnectionCheckResult.Failure($"Token {(await context.GetSecretAsync(AccessToken, ct)).Reveal()} was rejected."));

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.Equal("Token *** was rejected.", result.Connection!.Check.Message);
        Assert.DoesNotContain(Token, (await h.HistoryAsync())[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_Cancelled_RecordsNothing()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        using var cts = new CancellationTokenSource();
        h.Connector.Does((_, ct) =>
        {
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
            return ValueTask.FromResult(ConnectionCheckResult.Success());
        });
        var before = await h.HistoryAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Lifecycle.RunConnectionCheckAsync(Id, Alice, cts.Token));

        Assert.Equal(before.Count, (await h.HistoryAsync()).Count);
    }

    [Fact]
    public async Task RunConnectionCheckAsync_TokenReplacedWhileChecking_ResultIsRefused()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Connector.Does(async (_, ct) =>
        {
            // The user saves a new token while the check of the old one is still running.
            await Ok(h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.SetSecret(AccessToken, new SecretValue("new-token")), Alice, ct));
            return ConnectionCheckResult.Success();
        });

        var result = await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default);

        Assert.Equal(RefusalCode.SettingsChangedDuringCheck, Assert.Single(result.Reasons).Code);
        Assert.Equal(CheckStatus.NotChecked, (await h.Store.GetAsync(Id, default))!.Check.Status);
    }

    [Fact]
    public async Task UpdateSettingsAsync_Secret_GoesToSecretStoreAndOnlyIsSetToTheConnection()
    {
        var h = new LifecycleHarness();
        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));

        var connection = await Ok(h.Lifecycle.UpdateSettingsAsync(Id, FillAll, Alice, default));

        Assert.Equal(Token, (await h.Secrets.GetAsync(Id, AccessToken, default))!.Reveal());
        Assert.Contains(AccessToken, connection.Settings.SecretsSet);
        Assert.DoesNotContain(AccessToken, connection.Settings.Values.Keys);
        Assert.DoesNotContain(Token, connection.Settings.Values.Values);
    }

    [Fact]
    public async Task UpdateSettingsAsync_ClearSecret_RemovesItFromTheSecretStore()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        await Ok(h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Test, Alice, default));

        var connection = await Ok(h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.ClearSecret(AccessToken), Alice, default));

        Assert.Null(await h.Secrets.GetAsync(Id, AccessToken, default));
        Assert.DoesNotContain(AccessToken, connection.Settings.SecretsSet);
    }

    [Fact]
    public async Task UpdateSettingsAsync_RefusedWhileProductive_LeavesTheSecretStoreAlone()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        await Ok(h.Lifecycle.SetProductiveModeAsync(Id, true, Alice, default));

        var result = await h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.SetSecret(AccessToken, new SecretValue("other-token")), Alice, default);

        Assert.Equal(RefusalCode.ProductiveModeActive, Assert.Single(result.Reasons).Code);
        Assert.Equal(Token, (await h.Secrets.GetAsync(Id, AccessToken, default))!.Reveal());
    }

    [Fact]
    public async Task UpdateSettingsAsync_ProductiveSwitchedOnConcurrently_IsRefusedAndSecretNotWritten()
    {
        var store = new ScriptedConnectionStore();
        var h = new LifecycleHarness(store);
        await h.CreateReadyAsync();
        var attemptsBefore = store.SaveAttempts;
        store.BeforeNextSave = async inner =>
        {
            var current = (await inner.GetAsync(Id, default))!;
            await inner.TrySaveAsync(current with { IsProductive = true }, [new(Id, T1, new Actor("bob"), LifecycleChange.ProductiveOn, null, "Off", "On", null)], default);
        };

        var result = await h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.SetSecret(AccessToken, new SecretValue("other-token")), Alice, default);

        Assert.Equal(RefusalCode.ProductiveModeActive, Assert.Single(result.Reasons).Code);
        Assert.Equal(Token, (await h.Secrets.GetAsync(Id, AccessToken, default))!.Reveal());
        Assert.Equal(1, store.SaveAttempts - attemptsBefore);
    }

    [Fact]
    public async Task SetFeatureModeAsync_LosesARace_IsReappliedToTheFreshState()
    {
        var store = new ScriptedConnectionStore();
        var h = new LifecycleHarness(store);
        await h.CreateReadyAsync();
        await Ok(h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Orders, FeatureMode.Test, Alice, default));
        var attemptsBefore = store.SaveAttempts;
        store.BeforeNextSave = async inner =>
        {
            // Another worker changes the import mode in between: unrelated, so the retry succeeds on top of it.
            var current = (await inner.GetAsync(Id, default))!;
            await inner.TrySaveAsync(current with { ImportMode = ImportMode.Automatic }, [new(Id, T1, new Actor("bob"), LifecycleChange.ImportModeChanged, null, "Demo", "Automatic", null)], default);
        };

        var result = await h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Orders, FeatureMode.Integration, Alice, default);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, store.SaveAttempts - attemptsBefore);
        var stored = (await store.GetAsync(Id, default))!;
        Assert.Equal((FeatureMode.Integration, ImportMode.Automatic), (stored.ModeOf(FeatureKind.Orders), stored.ImportMode));
        Assert.Equal(stored.Version, result.Connection.Version);
        Assert.Single(await h.HistoryAsync(), t => t.Change == LifecycleChange.FeatureModeChanged && t.Feature == FeatureKind.Orders && t.To == "Integration");
        Assert.Contains(h.Logs.GetSnapshot(), r => r.Id.Id == 1002);
    }

    [Fact]
    public async Task SetFeatureModeAsync_RaceMakesItTheLastProductiveFeature_IsRefusedOnRetry()
    {
        var store = new ScriptedConnectionStore();
        var h = new LifecycleHarness(store);
        await h.CreateReadyAsync();
        store.BeforeNextSave = async inner =>
        {
            var current = (await inner.GetAsync(Id, default))!;
            await inner.TrySaveAsync(current with { IsProductive = true }, [new(Id, T1, new Actor("bob"), LifecycleChange.ProductiveOn, null, "Off", "On", null)], default);
        };

        var result = await h.Lifecycle.SetFeatureModeAsync(Id, FeatureKind.Stock, FeatureMode.Test, Alice, default);

        Assert.Equal(RefusalCode.LastFeatureInIntegration, Assert.Single(result.Reasons).Code);
        var stored = (await store.GetAsync(Id, default))!;
        Assert.True(stored.IsProductive);
        Assert.Equal(FeatureMode.Integration, stored.ModeOf(FeatureKind.Stock));
    }

    [Fact]
    public async Task Command_AlwaysLosingTheRace_GivesUpAfterMaxAttempts()
    {
        var store = new ScriptedConnectionStore();
        var h = new LifecycleHarness(store);
        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));
        store.AlwaysConflict = true;

        var result = await h.Lifecycle.SetImportModeAsync(Id, ImportMode.Manual, Alice, default);

        Assert.Equal(RefusalCode.ConcurrentChange, Assert.Single(result.Reasons).Code);
        Assert.Equal(ConnectionLifecycle.MaxAttempts, store.SaveAttempts);
        Assert.Equal(ImportMode.Demo, (await store.GetAsync(Id, default))!.ImportMode);
    }

    [Fact]
    public async Task Command_NothingToChange_SavesNothing()
    {
        var store = new ScriptedConnectionStore();
        var h = new LifecycleHarness(store);
        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));

        var result = await h.Lifecycle.SetImportModeAsync(Id, ImportMode.Demo, Alice, default);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Transitions);
        Assert.Equal(0, store.SaveAttempts);
    }

    [Fact]
    public async Task SetProductiveModeAsync_NewConnection_ListsEveryReason()
    {
        var h = new LifecycleHarness();
        await Ok(h.Lifecycle.CreateAsync(Id, FakeShopId, "Shop DE", Alice, default));

        var result = await h.Lifecycle.SetProductiveModeAsync(Id, true, Alice, default);

        Assert.Equal([RefusalCode.CheckNotPassed, RefusalCode.NoFeatureInIntegration], result.Reasons.Select(r => r.Code));
        Assert.False((await h.Store.GetAsync(Id, default))!.IsProductive);
    }

    [Fact]
    public async Task DecideAsync_ProductiveConnection_UsesTheAllowedActionsTable()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        await Ok(h.Lifecycle.SetProductiveModeAsync(Id, true, Alice, default));
        await Ok(h.Lifecycle.SetImportModeAsync(Id, ImportMode.Automatic, Alice, default));

        var stock = await h.Lifecycle.DecideAsync(Id, FeatureKind.Stock, SyncTrigger.Event, default);
        var orders = await h.Lifecycle.DecideAsync(Id, FeatureKind.Orders, SyncTrigger.Scheduled, default);
        var unknown = await h.Lifecycle.DecideAsync(new ConnectionId("nope"), FeatureKind.Stock, SyncTrigger.Event, default);

        Assert.Equal(WriteScope.All, stock!.Scope);
        Assert.Equal("Feature Orders is off for this connection.", orders!.Reason);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Transitions_AreLoggedWithStructuredFields()
    {
        var h = new LifecycleHarness();
        await h.CreateReadyAsync();
        h.Logs.Clear();

        await Ok(h.Lifecycle.SetProductiveModeAsync(Id, true, new Actor("bob"), default));

        var record = Assert.Single(h.Logs.GetSnapshot());
        Assert.Equal((1000, LogLevel.Information), (record.Id.Id, record.Level));
        Assert.Equal("shop-de", record.GetStructuredStateValue("ConnectionId"));
        Assert.Equal("ProductiveOn", record.GetStructuredStateValue("Change"));
        Assert.Equal("Off", record.GetStructuredStateValue("From"));
        Assert.Equal("On", record.GetStructuredStateValue("To"));
        Assert.Equal("bob", record.GetStructuredStateValue("Actor"));
    }

    [Fact]
    public async Task Transitions_AreCountedOnTheSdkMeter()
    {
        // A connector id of its own, because the meter is shared with tests running in parallel.
        var descriptor = new ConnectorDescriptor(new ConnectorId("metered"), "Metered", ChannelKind.Shop, [FeatureKind.Stock], SettingsSchema.Empty);
        var h = new LifecycleHarness(connector: new FakeConnector(descriptor));
        using var collector = new MetricCollector<long>(ConnectSdkDiagnostics.Meter, "connect_sdk.lifecycle.transitions");

        await Ok(h.Lifecycle.CreateAsync(Id, descriptor.Id, "Metered", Alice, default));
        await Ok(h.Lifecycle.SetImportModeAsync(Id, ImportMode.Manual, Alice, default));
        await Ok(h.Lifecycle.SetImportModeAsync(Id, ImportMode.Automatic, Alice, default));

        var ours = collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["connect_sdk.connector"], "metered")).ToList();
        Assert.Equal(3, ours.Sum(m => m.Value));
        Assert.Equal(2, ours.Count(m => Equals(m.Tags["connect_sdk.change"], "ImportModeChanged")));
    }

    [Fact]
    public async Task SecretValues_NeverAppearInHistoryLogsOrResults()
    {
        const string second = "shpat_SECOND-SECRET-987";
        var h = new LifecycleHarness();
        var results = new List<LifecycleResult>();
        await h.CreateReadyAsync();
        h.Connector.Does(async (context, ct) => ConnectionCheckResult.Failure($"rejected {(await context.GetSecretAsync(AccessToken, ct)).Reveal()}"));
        results.Add(await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default));
        results.Add(await h.Lifecycle.SetProductiveModeAsync(Id, true, Alice, default));
        results.Add(await h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.Set(AccessToken, second), Alice, default));
        results.Add(await h.Lifecycle.UpdateSettingsAsync(Id, SettingsUpdate.Empty.SetSecret(AccessToken, new SecretValue(second)), Alice, default));
        h.Connector.Throws(new InvalidOperationException($"boom {second}"));
        results.Add(await h.Lifecycle.RunConnectionCheckAsync(Id, Alice, default));

        var logs = h.Logs.GetSnapshot().Select(r => r.Message + string.Join(",", r.StructuredState ?? []) + r.Exception);
        var history = (await h.HistoryAsync()).Select(t => t.ToString());
        var everything = string.Join("\n", logs.Concat(history).Concat(results.Select(r => r + string.Join(",", r.Reasons) + r.Connection)));
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(second, everything, StringComparison.Ordinal);
        Assert.Contains(AccessToken, everything, StringComparison.Ordinal);
    }

    public sealed record ServiceRefusalCase(string Name, Func<LifecycleHarness, Task<LifecycleResult>> Act, RefusalCode Expected)
    {
        public override string ToString() => Name;
    }
}
