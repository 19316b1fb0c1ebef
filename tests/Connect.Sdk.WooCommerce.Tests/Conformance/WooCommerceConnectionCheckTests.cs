using Connect.Sdk.Connectors;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Tests.TestSupport;

namespace Connect.Sdk.WooCommerce.Tests.Conformance;

public sealed class WooCommerceConnectionCheckTests
{
    [Fact]
    public async Task Check_WrongSecret_FailsNamingTheSecretSetting_NeverItsValue()
    {
        await using var woo = WooCommerceFake.Start(WooTestKeys.Credentials);
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());

        var result = await services.Connector().CheckConnectionAsync(await ContextAsync(woo.BaseAddress.ToString(), WooTestKeys.WrongSecret), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(WooCommerceConnector.ConsumerSecretKey, result.FailedSetting);
        Assert.Contains("401", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WooTestKeys.WrongSecret, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WooTestKeys.ConsumerKey, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PlainHttpToAnotherHost_RefusedWithoutSendingAnything()
    {
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());

        var result = await services.Connector().CheckConnectionAsync(await ContextAsync("http://shop.example.com/", WooTestKeys.ConsumerSecret), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(WooCommerceConnector.StoreUrlKey, result.FailedSetting);
        Assert.Contains("HTTPS", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RequestsPerSecondNaN_FailsNamingTheSettingWithoutSendingAnything()
    {
        await using var woo = WooCommerceFake.Start(WooTestKeys.Credentials);
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());
        var context = await ContextAsync(woo.BaseAddress.ToString(), WooTestKeys.ConsumerSecret, requestsPerSecond: "NaN");

        var result = await services.Connector().CheckConnectionAsync(context, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(WooCommerceConnector.RequestsPerSecondKey, result.FailedSetting);
        Assert.Empty(woo.Requests);
    }

    [Fact]
    public async Task Check_Valid_PassesWithTheShopsVersion()
    {
        await using var woo = WooCommerceFake.Start(WooTestKeys.Credentials);
        using var services = WooTestServices.Build(AdapterTestLog.CreateFactory(), new ShortWaitTimeProvider());

        var result = await services.Connector().CheckConnectionAsync(await ContextAsync(woo.BaseAddress.ToString(), WooTestKeys.ConsumerSecret), CancellationToken.None);

        Assert.True(result.Passed, result.Message);
        Assert.Contains("WooCommerce 9.4.0", result.Message, StringComparison.Ordinal);
        Assert.Equal(["system_status.get"], woo.Requests.Select(r => r.Operation));
    }

    private static async Task<ConnectionContext> ContextAsync(string storeUrl, string secret, string? requestsPerSecond = null)
    {
        var connection = new ConnectionId("check-1");
        var secrets = new InMemorySecretStore();
        await secrets.SetAsync(connection, WooCommerceConnector.ConsumerKeyKey, new SecretValue(WooTestKeys.ConsumerKey), CancellationToken.None);
        await secrets.SetAsync(connection, WooCommerceConnector.ConsumerSecretKey, new SecretValue(secret), CancellationToken.None);
        var settings = ConnectionSettings.Empty
            .With(WooCommerceConnector.StoreUrlKey, storeUrl)
            .With(WooCommerceConnector.RequestsPerSecondKey, requestsPerSecond)
            .WithSecret(WooCommerceConnector.ConsumerKeyKey, true)
            .WithSecret(WooCommerceConnector.ConsumerSecretKey, true);
        return new ConnectionContext(connection, WooCommerceConnector.Id, settings, secrets);
    }
}
