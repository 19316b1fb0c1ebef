using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Hosting.Tests.TestDoubles;
using Connect.Sdk.Orders;
using Connect.Sdk.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Hosting.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddHostedScheduler_CalledTwice_RegistersOneSchedulerWithBothConfigurations()
    {
        var services = new ServiceCollection();
        Sdk(services).AddHostedScheduler(o => o.MaxConcurrentRuns = 8).AddHostedScheduler(o => o.PollInterval = NodaTime.Duration.FromSeconds(30));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<HostedScheduler>(Assert.Single(provider.GetServices<IHostedService>()));
        var options = provider.GetRequiredService<IOptions<HostedSchedulerOptions>>().Value;
        Assert.Equal(8, options.MaxConcurrentRuns);
        Assert.Equal(NodaTime.Duration.FromSeconds(30), options.PollInterval);
    }

    [Fact]
    public void AddHostedScheduler_NoTimeProvider_UsesTheSystemsAndKeepsTheHosts()
    {
        var withoutOwn = new ServiceCollection();
        withoutOwn.AddConnectSdk().UseInMemoryStores().AddHostedScheduler();
        var fake = new FakeTimeProvider();
        var withOwn = new ServiceCollection();
        withOwn.AddSingleton<TimeProvider>(fake);
        withOwn.AddConnectSdk().UseInMemoryStores().AddHostedScheduler();

        using var system = withoutOwn.BuildServiceProvider();
        using var own = withOwn.BuildServiceProvider();

        Assert.Same(TimeProvider.System, system.GetRequiredService<TimeProvider>());
        Assert.Same(fake, own.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddHostedScheduler_ByDefault_DrivesTheCoresEngine()
    {
        var services = new ServiceCollection();
        Sdk(services).AddHostedScheduler();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<EngineWork>(provider.GetRequiredService<IScheduledWork>());
    }

    [Fact]
    public async Task Start_HostForgotItsStores_FailsWithTheSdksMessageNamingThem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Services.AddConnectSdk()
            .UseArticleCatalog(new InMemoryArticleCatalog())
            .UseStockSource(new InMemoryStockSource())
            .UseOrderSink(new InMemoryOrderSink())
            .UseAlertSink(new InMemoryAlertSink())
            .AddHostedScheduler();
        using var host = builder.Build();

        // The SDK's start-up check names every missing store, rather than DI failing on the first one the scheduler needs.
        var refused = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("IConnectionStore", refused.Message, StringComparison.Ordinal);
        Assert.Contains("IJournalStore", refused.Message, StringComparison.Ordinal);
    }

    // Everything the host must supply, so that the engine behind the scheduler resolves.
    private static ConnectSdkBuilder Sdk(IServiceCollection services) => services.AddConnectSdk()
        .UseInMemoryStores()
        .UseArticleCatalog(new InMemoryArticleCatalog())
        .UseStockSource(new InMemoryStockSource())
        .UseOrderSink(new InMemoryOrderSink())
        .UseAlertSink(new InMemoryAlertSink());
}
