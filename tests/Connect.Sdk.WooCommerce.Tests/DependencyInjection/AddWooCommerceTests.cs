using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Http;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.WooCommerce.Tests.DependencyInjection;

public sealed class AddWooCommerceTests
{
    [Fact]
    public void AddWooCommerce_Twice_RegistersOneConnectorWithItsRule()
    {
        var services = new ServiceCollection();
        services.AddSingleton(AdapterTestLog.CreateFactory());
        services.AddConnectSdk().UseInMemoryStores().AddWooCommerce().AddWooCommerce();
        using var provider = services.BuildServiceProvider();

        var connector = Assert.Single(provider.GetServices<IConnector>());
        Assert.IsType<WooCommerceConnector>(connector);
        var scheme = provider.GetRequiredService<ForeignNumberRules>().Find(WooCommerceConnector.Id);
        Assert.NotNull(scheme);
        Assert.Contains(ForeignNumberLabel.Sku, scheme.Rules.Select(r => r.Label));
        Assert.Single(services, s => s.ServiceType == typeof(IConnector));
        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient("Connect.Sdk.WooCommerce"));
    }

    [Fact]
    public void AddWooCommerce_ConfigureHttp_AdjustsTheConnectorsClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton(AdapterTestLog.CreateFactory());
        services.AddConnectSdk().UseInMemoryStores().AddWooCommerce(http => http.Resilience.MaxRetryAttempts = 1);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<MarketplaceHttpClientOptions>>().Get("Connect.Sdk.WooCommerce");
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
    }
}
