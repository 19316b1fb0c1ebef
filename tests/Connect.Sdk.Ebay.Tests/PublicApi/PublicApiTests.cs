using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Ebay.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Ebay visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkEbay_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(EbayConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
