using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Tests.Conformance.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Testing.Tests.Conformance;

/// <summary>The kit disposes what it made for a check, once, and leaks nothing when a step fails.</summary>
public sealed class ConformanceKitLifecycleTests
{
    [Fact]
    public async Task DisposeAsync_ConnectorRegisteredInTheServices_DisposedOnceByTheServices()
    {
        var kit = new LifecycleKit(registerInServices: true);
        await kit.InitializeAsync();

        await kit.DisposeAsync();

        Assert.Equal(1, kit.Built!.Disposals);
    }

    [Fact]
    public async Task DisposeAsync_ConnectorTheKitMadeByHand_DisposedByTheKit()
    {
        var kit = new LifecycleKit(registerInServices: false);
        await kit.InitializeAsync();

        await kit.DisposeAsync();

        Assert.Equal(1, kit.Built!.Disposals);
    }

    [Fact]
    public async Task DisposeAsync_ConnectorDisposalThrows_StillDisposesTheFakeAndSurfacesTheFailure()
    {
        var failure = new InvalidOperationException("connector disposal failed");
        var kit = new LifecycleKit(registerInServices: false) { DisposalFailure = failure };
        await kit.InitializeAsync();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => kit.DisposeAsync().AsTask());

        Assert.Same(failure, thrown);
        Assert.Equal(1, kit.Market.Disposals);
    }

    [Fact]
    public async Task DisposeAsync_CalledTwiceAsAFrameworkMayThroughIAsyncDisposable_DisposesEverythingOnce()
    {
        var kit = new LifecycleKit(registerInServices: false);
        await kit.InitializeAsync();

        await kit.DisposeAsync();
        await ((IAsyncDisposable)kit).DisposeAsync();

        Assert.Equal(1, kit.Market.Disposals);
        Assert.Equal(1, kit.Built!.Disposals);
    }

    [Fact]
    public async Task InitializeAsync_ConnectorCannotBeMade_DisposesTheStartedFake()
    {
        var kit = new LifecycleKit(registerInServices: false) { NoConnector = true };

        await Assert.ThrowsAsync<InvalidOperationException>(kit.InitializeAsync);

        Assert.Equal(1, kit.Market.Disposals);
    }

    /// <summary>A kit on the in-process marketplace that lets a test see what it disposed.</summary>
    private sealed class LifecycleKit(bool registerInServices) : ConnectorConformanceKit
    {
        public InProcessMarketplace Market { get; } = new();

        public InProcessConnector? Built { get; private set; }

        public Exception? DisposalFailure { get; init; }

        public bool NoConnector { get; init; }

        protected override ForeignNumberLabel ForeignNumberLabel => InProcessConnector.Label;

        protected override ValueTask<IMarketplaceFake> StartFakeAsync() => ValueTask.FromResult<IMarketplaceFake>(Market);

        protected override void ConfigureServices(IServiceCollection services)
        {
            if (registerInServices)
            {
                services.AddSingleton<IConnector>(provider => CreateConnector(provider.GetRequiredService<ILoggerFactory>()));
            }
        }

        protected override IConnector CreateConnector(ILoggerFactory loggerFactory) =>
            NoConnector ? base.CreateConnector(loggerFactory) : Built = new InProcessConnector(Market, loggerFactory) { DisposalFailure = DisposalFailure };

        protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
            SettingsUpdate.Empty.Set("url", baseAddress.ToString()).SetSecret("token", new SecretValue(InProcessMarketplace.Token));

        protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
            SettingsUpdate.Empty.Set("url", baseAddress.ToString()).SetSecret("token", new SecretValue("wrong-token-0d41e8b7"));
    }
}
