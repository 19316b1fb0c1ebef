using Connect.Sdk.Connectors;
using Connect.Sdk.Tests.TestDoubles;

namespace Connect.Sdk.Tests.Connectors;

public sealed class ConnectorRegistryTests
{
    [Fact]
    public void Get_UnknownId_NamesTheRegisteredConnectors()
    {
        var registry = new ConnectorRegistry([StubConnector.WithoutFeatures("alpha"), StubConnector.WithoutFeatures("beta")]);

        var ex = Assert.Throws<ConnectSdkException>(() => registry.Get(new ConnectorId("gamma")));

        Assert.Contains("'gamma'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha, beta", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IdInOtherCase_FindsTheConnector()
    {
        var registry = new ConnectorRegistry([StubConnector.WithoutFeatures("shopify")]);

        Assert.NotNull(registry.Find(new ConnectorId("Shopify")));
    }

    [Fact]
    public void Constructor_DuplicateIds_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ConnectorRegistry([StubConnector.WithoutFeatures("x"), StubConnector.WithoutFeatures("X")]));
    }

    [Theory]
    [InlineData("my marketplace")]
    [InlineData("shop/de")]
    [InlineData("")]
    public void ConnectorId_InvalidCharacters_IsRefused(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ConnectorId(value));
    }
}
