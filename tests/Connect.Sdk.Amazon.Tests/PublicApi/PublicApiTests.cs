using Connect.Sdk.TestSupport;

namespace Connect.Sdk.Amazon.Tests.PublicApi;

/// <summary>Makes every change to the public API of Connect.Sdk.Amazon visible in review (see <see cref="PublicApiApproval"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ConnectSdkAmazon_PublicApi_MatchesApprovedSnapshot() =>
        PublicApiApproval.AssertMatchesApprovedSnapshot(
            typeof(AmazonConnector).Assembly,
            typeof(PublicApiTests),
            ["Microsoft.Extensions.DependencyInjection"]);
}
