using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Shopware.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Shopware visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkShopware_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(ShopwareConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
