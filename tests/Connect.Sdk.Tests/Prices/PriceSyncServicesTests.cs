using Connect.Sdk.Prices;
using Connect.Sdk.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Tests.Prices;

/// <summary>What the start-up check asks of a host for prices: the two price stores, not the price source.</summary>
public sealed class PriceSyncServicesTests
{
    [Fact]
    public void Validate_PriceStoresMissing_NamesBothAndHowToSupplyThem()
    {
        var services = new ServiceCollection();
        var host = new NullHostServices();
        services.AddConnectSdk()
            .AddConnector(StubConnector.WithoutFeatures())
            .UseInMemoryStores()
            .UseArticleCatalog(new Articles.InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host);
        services.RemoveAll<IPriceRulesStore>();
        services.RemoveAll<IPriceSyncStateStore>();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("IPriceRulesStore (each connection's price rules", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IPriceSyncStateStore (the prices last sent per article", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("IPriceSource", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseInMemoryStores_WithoutPriceSource_StartsAndRegistersTheInMemoryPriceStores()
    {
        var services = new ServiceCollection();
        var host = new NullHostServices();
        services.AddConnectSdk()
            .AddConnector(StubConnector.WithoutFeatures())
            .ConfigureForeignNumberRules(r => r.WithIdentity(new Connect.Sdk.Connectors.ConnectorId("stub"), "the article number is the stub's number"))
            .UseInMemoryStores()
            .UseArticleCatalog(new Articles.InMemoryArticleCatalog())
            .UseStockSource(host)
            .UseOrderSink(host)
            .UseAlertSink(host);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<InMemoryPriceRulesStore>(provider.GetRequiredService<IPriceRulesStore>());
        Assert.IsType<InMemoryPriceSyncStateStore>(provider.GetRequiredService<IPriceSyncStateStore>());
        Assert.NotNull(provider.GetRequiredService<PriceSync>());
    }
}
