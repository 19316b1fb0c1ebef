using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Kaufland.Tests.DependencyInjection;

/// <summary><c>AddKaufland()</c> registers one connector and its foreign-number rule, however often it is called.</summary>
public sealed class AddKauflandTests
{
    [Fact]
    public void AddKaufland_CalledTwice_OneConnectorAndTheApiUnitIdRule()
    {
        var services = new ServiceCollection();
        services.AddConnectSdk().UseInMemoryStores().AddKaufland().AddKaufland();
        using var provider = services.BuildServiceProvider();

        var connector = Assert.Single(provider.GetServices<IConnector>());
        Assert.IsType<KauflandConnector>(connector);
        Assert.Equal(ForeignNumberLabel.ApiUnitId, KauflandConnector.ForeignNumberRule.Label);
    }
}
