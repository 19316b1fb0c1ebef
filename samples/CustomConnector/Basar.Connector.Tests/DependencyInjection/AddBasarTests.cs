using Basar.Connector.DependencyInjection;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Microsoft.Extensions.DependencyInjection;

namespace Basar.Connector.Tests.DependencyInjection;

/// <summary>The DI story: one call registers the connector and its foreign-number rule.</summary>
public sealed class AddBasarTests
{
    [Fact]
    public void AddBasar_CalledTwice_RegistersConnectorAndRuleOnce()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().AddBasar().AddBasar();
        using var provider = services.BuildServiceProvider();

        var connector = provider.GetRequiredService<ConnectorRegistry>().Get(BasarConnector.Id);
        var scheme = provider.GetRequiredService<ForeignNumberRules>().Find(BasarConnector.Id);

        Assert.IsType<BasarConnector>(connector);
        Assert.Single(provider.GetServices<IConnector>());
        Assert.Equal([BasarConnector.OfferIdLabel], scheme!.Rules.Select(r => r.Label));
    }
}
