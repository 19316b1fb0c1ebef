using Connect.Sdk.Kaufland.Tests.TestSupport;

namespace Connect.Sdk.Kaufland.Tests.Conformance;

/// <summary>The connection check names the setting to fix.</summary>
public sealed class KauflandConnectionCheckTests
{
    [Fact]
    public async Task CheckConnection_StorefrontTheSellerDoesNotSellOn_FailsNamingTheStorefront()
    {
        await using var seller = await KauflandTestSeller.StartAsync();
        var context = await KauflandTestSeller.ContextAsync(KauflandTestKeys.Settings(seller.Fake.ApiAddress, storefront: "pl"));

        var result = await seller.DriveAsync(async () => await seller.Connector.CheckConnectionAsync(context, CancellationToken.None));

        Assert.False(result.Passed);
        Assert.Equal(KauflandConnector.StorefrontKey, result.FailedSetting);
        Assert.Contains("/problems/storefront-not-configured", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnection_WrongSecretKey_FailsNamingTheSecretKey()
    {
        await using var seller = await KauflandTestSeller.StartAsync(secretKey: KauflandTestKeys.WrongSecretKey);

        var result = await seller.DriveAsync(async () => await seller.Connector.CheckConnectionAsync(seller.Context, CancellationToken.None));

        Assert.False(result.Passed);
        Assert.Equal(KauflandConnector.SecretKeyKey, result.FailedSetting);
        Assert.DoesNotContain(KauflandTestKeys.WrongSecretKey, result.Message, StringComparison.Ordinal);
    }
}
