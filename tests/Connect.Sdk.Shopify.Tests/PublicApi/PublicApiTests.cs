using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Shopify.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Shopify visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkShopify_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(ShopifyConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
