using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;

namespace Connect.Sdk.Http.Tests.Connectors;

public sealed class MarketplaceEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("basar.test/api")]
    [InlineData("ftp://basar.test/api")]
    public async Task ForConnectionAsync_BaseAddressNotHttp_ThrowsNamingTheSetting(string? address)
    {
        var settings = address is null ? ConnectionSettings.Empty : new ConnectionSettings([new("apiAddress", address)], []);
        var connection = new ConnectionContext(new ConnectionId("c1"), TestConnector.Id, settings, new InMemorySecretStore());

        var failure = await Assert.ThrowsAsync<ConnectionSettingException>(() => MarketplaceEndpoint.ForConnectionAsync(connection, "Basar", "apiAddress", [], CancellationToken.None).AsTask());

        Assert.Equal("apiAddress", failure.SettingKey);
        Assert.Equal(ConnectSdkErrorCode.SettingsInvalid, failure.Code);
    }

    [Fact]
    public async Task ForConnectionAsync_BaseAddressWithoutSlash_KeepsItsLastSegmentForRelativePaths()
    {
        var connection = new ConnectionContext(new ConnectionId("c1"), TestConnector.Id, new ConnectionSettings([new("apiAddress", "https://basar.test/api/v1")], []), new InMemorySecretStore());

        var endpoint = await MarketplaceEndpoint.ForConnectionAsync(connection, "Basar", "apiAddress", [], CancellationToken.None);

        Assert.Equal(new Uri("https://basar.test/api/v1/orders"), new Uri(endpoint.BaseAddress, "orders"));
    }

    [Fact]
    public async Task ForConnectionAsync_SecretNotStored_ThrowsNamingTheSecret()
    {
        var connection = new ConnectionContext(new ConnectionId("c1"), TestConnector.Id, new ConnectionSettings([new("apiAddress", "https://basar.test/")], []), new InMemorySecretStore());

        var failure = await Assert.ThrowsAsync<ConnectionSettingException>(() => MarketplaceEndpoint.ForConnectionAsync(connection, "Basar", "apiAddress", ["clientKey"], CancellationToken.None).AsTask());

        Assert.Equal("clientKey", failure.SettingKey);
    }
}
