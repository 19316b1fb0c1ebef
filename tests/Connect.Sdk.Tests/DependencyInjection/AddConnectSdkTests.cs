using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Connect.Sdk.Tests.DependencyInjection;

public sealed class AddConnectSdkTests
{
    [Fact]
    public void Validate_EverythingSupplied_Succeeds()
    {
        using var provider = CompleteSetup().BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<ConnectorRegistry>().Find(new ConnectorId("stub")));
    }

    [Fact]
    public async Task ConnectionLifecycle_WithoutHostLogging_ResolvesAndWorksAgainstTheRegisteredStores()
    {
        using var provider = CompleteSetup().BuildServiceProvider();
        var lifecycle = provider.GetRequiredService<ConnectionLifecycle>();

        var created = await lifecycle.CreateAsync(new ConnectionId("stub-1"), new ConnectorId("stub"), "Stub 1", new Actor("anna"), CancellationToken.None);

        Assert.True(created.Succeeded);
        Assert.NotNull(await provider.GetRequiredService<IConnectionStore>().GetAsync(new ConnectionId("stub-1"), CancellationToken.None));
    }

    [Fact]
    public void Validate_HostServicesMissing_NamesEveryMissingServiceAndHowToSupplyIt()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().AddConnector(StubConnector.WithoutFeatures());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        foreach (var expected in new[]
                 {
                     "IArticleCatalog", "UseArticleCatalog", "IStockSource", "UseStockSource", "IOrderSink", "UseOrderSink",
                     "IAlertSink", "UseAlertSink", "ISecretStore", "IConnectionStore", "IForeignNumberStore", "IJournalStore", "IImportedOrderLedger",
                     "IWorkLeaseStore", "IWorkScheduleStore", "IStockRulesStore", "IStockSyncStateStore", "IOrderStagingStore",
                     "IOrderStatusOutbox", "IAlertSubscriptionStore",
                 })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_OnlyOrderSinkMissing_NamesOnlyTheOrderSink()
    {
        var services = new ServiceCollection();
        var host = new NullHostServices();
        services.AddConnectSdk()
            .AddConnector(StubConnector.WithoutFeatures())
            .UseInMemoryStores()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseAlertSink(host);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("IOrderSink", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("IStockSource", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("IAlertSink", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoConnector_SaysHowToAddOne()
    {
        var services = CompleteSetup(addConnector: false);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("no connector registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeclaredFeatureWithoutImplementation_NamesConnectorAndFeature()
    {
        var connector = new StubConnector(
            new ConnectorDescriptor(new ConnectorId("half"), "Half", ChannelKind.Shop, [FeatureKind.Stock, FeatureKind.Orders], SettingsSchema.Empty),
            new StubFeature(FeatureKind.Stock));
        var services = CompleteSetup(addConnector: false);
        new ConnectSdkBuilderAccessor(services).AddConnector(connector);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Connector 'half' declares the feature Orders but provides no implementation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImplementedFeatureNotDeclared_NamesConnectorAndFeature()
    {
        var connector = new StubConnector(
            new ConnectorDescriptor(new ConnectorId("extra"), "Extra", ChannelKind.Shop, [], SettingsSchema.Empty),
            new StubFeature(FeatureKind.Prices));
        var services = CompleteSetup(addConnector: false);
        new ConnectSdkBuilderAccessor(services).AddConnector(connector);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("implements the feature Prices but does not declare it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoConnectorsWithOneId_IsRefused()
    {
        var services = CompleteSetup();
        new ConnectSdkBuilderAccessor(services).AddConnector(StubConnector.WithoutFeatures());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Connector id 'stub' is registered 2 times", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<ConnectSdkOptions>> OutOfRangeOptions() => new()
    {
        { "OrderImportInterval", o => o.OrderImportInterval = Duration.Zero },
        { "OrderImportInterval", o => o.OrderImportInterval = Duration.FromDays(2) },
        { "OrderImportOverlap", o => o.OrderImportOverlap = Duration.FromMinutes(-1) },
        { "OrderImportInitialLookback", o => o.OrderImportInitialLookback = Duration.FromDays(91) },
        { "StockSyncInterval", o => o.StockSyncInterval = Duration.FromSeconds(1) },
        { "StockReconcileInterval", o => o.StockReconcileInterval = Duration.FromMinutes(5) },
        { "LeaseDuration", o => o.LeaseDuration = Duration.FromSeconds(5) },
        { "FailedRunRetryDelay", o => o.FailedRunRetryDelay = Duration.FromHours(2) },
        { "WorkerId", o => o.WorkerId = " " },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeOptions))]
    public void Validate_OptionOutOfRange_NamesTheOption(string option, Action<ConnectSdkOptions> configure)
    {
        var services = CompleteSetup(configure: configure);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"ConnectSdkOptions.{option}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_FollowTheSeed()
    {
        using var provider = CompleteSetup().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConnectSdkOptions>>().Value;

        Assert.Equal(Duration.FromMinutes(15), options.OrderImportInterval);
    }

    [Fact]
    public void UseClock_ReplacesTheSystemClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 12, 0));
        var services = CompleteSetup();
        new ConnectSdkBuilderAccessor(services).UseClock(clock);
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void UseSecretStore_CalledAfterInMemoryStores_LastCallWins()
    {
        var services = CompleteSetup();
        var store = new InMemorySecretStore();
        new ConnectSdkBuilderAccessor(services).UseSecretStore(store);
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ISecretStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ISecretStore));
    }

    [Fact]
    public void Validate_ConnectorWithoutForeignNumberRules_SaysHowToAddThem()
    {
        var services = CompleteSetup();
        new ConnectSdkBuilderAccessor(services).AddConnector(StubConnector.WithoutFeatures("unmapped"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Connector 'unmapped' has no foreign-number rules", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigureForeignNumberRules", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureForeignNumberRules_PartnerLabel_ExtendsTheDefaultTable()
    {
        var zalando = new ConnectorId("zalando");
        var label = new ForeignNumberLabel("zalandoean");
        var services = CompleteSetup();
        services.AddConnectSdk().ConfigureForeignNumberRules(r => r.With(new ForeignNumberRule(zalando, ForeignNumberTarget.Any, label, "Zalando EAN")));
        using var provider = services.BuildServiceProvider();

        var rules = provider.GetRequiredService<ForeignNumberRules>();

        Assert.NotNull(rules.Find(zalando)?.FindRule(label));
        Assert.NotNull(rules.Find(ConnectorId.Shopify));
    }

    private static ServiceCollection CompleteSetup(bool addConnector = true, Action<ConnectSdkOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var host = new NullHostServices();
        var builder = services.AddConnectSdk(configure)
            .ConfigureForeignNumberRules(r => new[] { "stub", "half", "extra" }
                .Aggregate(r, (rules, id) => rules.WithIdentity(new ConnectorId(id), "the article number is the stub's number")))
            .UseInMemoryStores()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host);
        if (addConnector)
        {
            builder.AddConnector(StubConnector.WithoutFeatures());
        }

        return services;
    }

    /// <summary>Calling AddConnectSdk again returns a builder on the same services, as a plugin package would.</summary>
    private sealed class ConnectSdkBuilderAccessor(IServiceCollection services)
    {
        private readonly ConnectSdkBuilder _builder = services.AddConnectSdk();

        public ConnectSdkBuilder AddConnector(IConnector connector) => _builder.AddConnector(connector);

        public ConnectSdkBuilder UseClock(IClock clock) => _builder.UseClock(clock);

        public ConnectSdkBuilder UseSecretStore(ISecretStore store) => _builder.UseSecretStore(store);
    }
}
