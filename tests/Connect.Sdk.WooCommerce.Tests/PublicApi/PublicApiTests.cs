using Connect.Sdk.TestSupport;

namespace Connect.Sdk.WooCommerce.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.WooCommerce visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkWooCommerce_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(WooCommerceConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
