using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

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
}
